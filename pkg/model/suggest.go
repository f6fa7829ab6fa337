package model

import (
	"fmt"
	"slices"
	"strings"
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
	// Motivations named after their phase, or as verbs.
	"get":        "acquisition",
	"acquire":    "acquisition",
	"keep":       "retention",
	"retain":     "retention",
	"grow":       "upselling",
	"upsell":     "upselling",
	"upsale":     "upselling",
	"cross_sell": "upselling",
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
	best, bestD := "", 1<<30
	for _, cand := range candidates {
		if d := EditDistance(c, cand); d < bestD {
			best, bestD = cand, d
		}
	}
	if bestD > didYouMeanLimit(c) {
		return uniquePrefix(c, candidates)
	}
	return best
}

// Suggest returns the candidate that s is a misspelling of, when exactly one
// candidate is: the one s spells with other case, hyphens or spaces
// ("Self-Service" for self_service), or else the only candidate nearest to s
// within the did-you-mean distance. ok is false when no candidate or several
// are, and when s is already a candidate: a safe fix must be unambiguous.
func Suggest(s string, candidates []string) (string, bool) {
	if slices.Contains(candidates, s) {
		return "", false
	}
	c := canonical(s)
	if slices.Contains(candidates, c) {
		return c, true
	}
	best, bestD, ties := "", 1<<30, 0
	for _, cand := range candidates {
		switch d := EditDistance(c, cand); {
		case d < bestD:
			best, bestD, ties = cand, d, 1
		case d == bestD:
			ties++
		}
	}
	if ties != 1 || bestD > didYouMeanLimit(c) {
		return "", false
	}
	return best, true
}

// fixFor returns the safe fix respelling s as one of candidates, or nil.
func fixFor(s string, candidates []string) *Fix {
	if to, ok := Suggest(s, candidates); ok {
		return &Fix{From: s, To: to}
	}
	return nil
}

// didYouMeanLimit is the most edits a suggestion may be from c: a third of
// the word, at least 1 and never more than 3, so that unrelated words are
// not "suggested".
func didYouMeanLimit(c string) int { return min(max(len(c)/3, 1), 3) }

// uniquePrefix is the one candidate that starts with s ("own" → "owned",
// "warn" → "warning"), or "" when none or several do, or s is too short to
// mean anything.
func uniquePrefix(s string, candidates []string) string {
	if len(s) < 3 {
		return ""
	}
	found := ""
	for _, cand := range candidates {
		if strings.HasPrefix(cand, s) {
			if found != "" {
				return ""
			}
			found = cand
		}
	}
	return found
}

// suggestRef is the hint of a reference s that names no item of block:
// the closest id, or the id of the item whose name s is (a reference
// written with the item's name), or the ids there are.
func (v *validator) suggestRef(s, block string, ids []string) string {
	if c := Closest(s, ids); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	for _, m := range v.items[block] {
		name, _ := m["name"].(string)
		id, _ := m["id"].(string)
		if id != "" && name != "" && strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(s)) {
			return fmt.Sprintf("did you mean %q? %q is that %s's name; references use its id", id, s, Singular(block))
		}
	}
	return didYouMean(s, ids, "known "+Singular(block)+" ids")
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
	// d[i][j] is the distance between x[:i] and y[:j]; three rows suffice.
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
