package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// aliases maps spellings the guidance texts use to the canonical type.
var aliases = map[string]string{
	"automated":             "automated_services",
	"automation":            "automated_services",
	"automated_service":     "automated_services",
	"self_serve":            "self_service",
	"selfservice":           "self_service",
	"communities":           "community",
	"user_communities":      "community",
	"cocreation":            "co_creation",
	"fan":                   "fans",
	"fan_club":              "fans",
	"fan_clubs":             "fans",
	"dedicated_assistance":  "dedicated_personal_assistance",
	"dedicated":             "dedicated_personal_assistance",
	"personal":              "personal_assistance",
	"longterm":              "long_term",
	"switching_cost":        "switching_costs",
	"direct_relationship":   "direct",
	"direct_sales":          "direct",
	"indirect_relationship": "indirect",
}

// canonical folds case, hyphens and spaces the way the guidance spells types.
func canonical(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("-", "_", " ", "_").Replace(s)
}

// Closest returns the candidate nearest to s, or "" when none is near
// enough to be a plausible misspelling.
func Closest(s string, candidates []string) string {
	c := canonical(s)
	for _, cand := range candidates {
		if cand == c {
			return cand
		}
	}
	if a, ok := aliases[c]; ok {
		for _, cand := range candidates {
			if cand == a {
				return a
			}
		}
	}
	// Accept at most a third of the word, and never more than 3 edits, so
	// that unrelated words are not "suggested". Distances beyond the limit
	// are not computed in full: with thousands of ids, every dangling
	// reference would otherwise cost a full alignment with each of them.
	limit := min(max(len(c)/3, 1), 3)
	x := []rune(c)
	best, bestD := "", limit+1
	for _, cand := range candidates {
		if n := utf8.RuneCountInString(cand); n-len(x) > limit || len(x)-n > limit {
			continue // at least that many insertions or deletions
		}
		if d := editDistanceWithin(x, []rune(cand), limit); d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// didYouMean returns a hint naming the closest candidate, or a fallback
// listing what is allowed.
func didYouMean(s string, candidates []string, what string) string {
	if c := Closest(s, candidates); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	if len(candidates) == 0 {
		return fmt.Sprintf("there are no %s", what)
	}
	if len(candidates) > 12 {
		return fmt.Sprintf("use one of the %d %s", len(candidates), what)
	}
	return fmt.Sprintf("%s: %s", what, strings.Join(candidates, ", "))
}

// EditDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of two neighbouring
// characters each count one, so "tpye" is one edit from "type".
func EditDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	return editDistanceWithin(x, y, len(x)+len(y))
}

// editDistanceWithin is EditDistance of x and y when it is at most limit,
// and limit+1 otherwise; it stops as soon as no alignment can stay within
// the limit.
func editDistanceWithin(x, y []rune, limit int) int {
	// d[i][j] is the distance between x[:i] and y[:j]; three rows suffice.
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	min2 := limit + 1 // the smallest entry of prev2 (none yet)
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// Every later entry derives from this row (+0 or +1) or from the
		// one before it (+1, a swap), so none can be smaller than this.
		if min(rowMin, min2+1) > limit {
			return limit + 1
		}
		min2 = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], limit+1)
}
