package model

import (
	"fmt"
	"slices"
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
	// Accept at most a third of the word, and never more than 3 edits, so
	// that unrelated words are not "suggested". Distances beyond the limit
	// are not computed in full: with thousands of ids, every dangling
	// reference would otherwise cost a full alignment with each of them.
	limit := didYouMeanLimit(c)
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
	if best == "" {
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
	// Only distances within the limit can make a suggestion, and a tie at
	// the smallest one is a tie among those: the others need not be
	// computed in full (see Closest).
	limit := didYouMeanLimit(c)
	x := []rune(c)
	best, bestD, ties := "", limit+1, 0
	for _, cand := range candidates {
		if n := utf8.RuneCountInString(cand); n-len(x) > limit || len(x)-n > limit {
			continue
		}
		switch d := editDistanceWithin(x, []rune(cand), limit); {
		case d < bestD:
			best, bestD, ties = cand, d, 1
		case d == bestD:
			ties++
		}
	}
	if ties != 1 || bestD > limit {
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
// written with the item's name), or the ids there are. Without spell, ids
// are not compared with s (see refHintBudget).
func (v *validator) suggestRef(s, block string, ids []string, spell bool) string {
	if spell {
		if c := Closest(s, ids); c != "" {
			return fmt.Sprintf("did you mean %q?", c)
		}
	}
	if id := v.itemNamed(block, s); id != "" {
		return fmt.Sprintf("did you mean %q? %q is that %s's name; references use its id", id, s, Singular(block))
	}
	if spell {
		return didYouMean(s, ids, "known "+Singular(block)+" ids")
	}
	return idsHint(ids, "known "+Singular(block)+" ids")
}

// nameIndex finds the first item of a block whose name equals a text under
// Unicode case folding (strings.EqualFold), without comparing the text
// with every name: ASCII names by their lower case, the few others one by
// one.
type nameIndex struct {
	ascii map[string]int // lower-cased trimmed ASCII name → first item
	other []int          // items whose name is not ASCII, in order
}

// itemNamed returns the id of the first item of block named s (trimmed,
// case folded), or "".
func (v *validator) itemNamed(block, s string) string {
	ix := v.names[block]
	if ix == nil {
		ix = &nameIndex{ascii: map[string]int{}}
		for i, m := range v.items[block] {
			name, _ := m["name"].(string)
			id, _ := m["id"].(string)
			if id == "" || name == "" {
				continue
			}
			name = strings.TrimSpace(name)
			if !isASCII(name) {
				ix.other = append(ix.other, i)
			} else if k := strings.ToLower(name); !hasKey(ix.ascii, k) {
				ix.ascii[k] = i
			}
		}
		if v.names == nil {
			v.names = map[string]*nameIndex{}
		}
		v.names[block] = ix
	}
	s = strings.TrimSpace(s)
	first := -1
	if isASCII(s) {
		// Two ASCII texts are equal under folding when their lower cases
		// are; a non-ASCII name may still fold to ASCII (the Kelvin sign).
		if i, ok := ix.ascii[strings.ToLower(s)]; ok {
			first = i
		}
	} else {
		// A non-ASCII text folds to no ASCII name but through the same
		// special letters: compare it with every name, as written.
		for i, m := range v.items[block] {
			name, _ := m["name"].(string)
			id, _ := m["id"].(string)
			if id != "" && name != "" && strings.EqualFold(strings.TrimSpace(name), s) {
				first = i
				break
			}
		}
	}
	for _, i := range ix.other {
		if first >= 0 && i > first {
			break
		}
		name, _ := v.items[block][i]["name"].(string)
		if strings.EqualFold(strings.TrimSpace(name), s) {
			first = i
			break
		}
	}
	if first < 0 {
		return ""
	}
	id, _ := v.items[block][first]["id"].(string)
	return id
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// isASCII reports whether s (a string or bytes) is ASCII only.
func isASCII[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// didYouMean returns a hint naming the closest candidate, or a fallback
// listing what is allowed.
func didYouMean(s string, candidates []string, what string) string {
	if c := Closest(s, candidates); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return idsHint(candidates, what)
}

// idsHint lists the candidates, or says how many there are.
func idsHint(candidates []string, what string) string {
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
