package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSuggestionsNewUsers: the suggestions a new user needed (issue 14): a
// reference written with the item's name gets its id, motivations named
// after their phase get the motivation, a prefix counts ("own" → owned),
// and the fallback names "channel ids", not "channels ids".
func TestSuggestionsNewUsers(t *testing.T) {
	src := `name = "x"
[[segments]]
id = "smb"
name = "Small businesses"
[[channels]]
id = "web"
ownership = "own"
[[relationships]]
id = "desk"
type = "self_service"
segments = ["small businesses"]
motivations = ["keep", "grow", "acquire"]
channels = ["shop"]
`
	var got []string
	for _, p := range Load("m.toml", []byte(src)).Problems {
		got = append(got, fmt.Sprintf("%s %s: %s", p.Code, p.Path, p.Hint))
	}
	want := []string{
		`CR003 channels[0].ownership: did you mean "owned"?`,
		`CR003 relationships[0].motivations[0]: did you mean "retention"?`,
		`CR003 relationships[0].motivations[1]: did you mean "upselling"?`,
		`CR003 relationships[0].motivations[2]: did you mean "acquisition"?`,
		`CR006 relationships[0].segments[0]: did you mean "smb"? "small businesses" is that segment's name; references use its id`,
		`CR006 relationships[0].channels[0]: known channel ids: web`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("hints:\n%q\nwant\n%q", got, want)
	}
	for in, want := range map[string]string{
		"own": "owned", "warn": "warning", "part": "partner", "ow": "", "o": "",
	} {
		if got := Closest(in, append(append([]string{}, Ownerships...), "warning", "error", "info", "none")); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	// A prefix two candidates share suggests neither.
	if got := Closest("self", []string{"self_service", "self_made"}); got != "" {
		t.Errorf("Closest(self) = %q, want none", got)
	}
}

// TestEditDistanceWithin: the bounded distance is the full distance when
// that is within the limit, and limit+1 otherwise, on random short strings
// over a small alphabet (so that swaps, repeats and near misses abound).
func TestEditDistanceWithin(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]rune, r.IntN(9))
		for i := range b {
			b[i] = []rune("abcé-")[r.IntN(5)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := word(), word()
		full := EditDistance(a, b)
		for limit := range 5 {
			if got, want := editDistanceWithin([]rune(a), []rune(b), limit), min(full, limit+1); got != want {
				t.Fatalf("editDistanceWithin(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
			}
		}
	}
}

// TestClosestAmongManyIDs: the nearest id is found among thousands, the
// first of equally near ones wins, and a far one is not suggested.
func TestClosestAmongManyIDs(t *testing.T) {
	var ids []string
	for i := range 5000 {
		ids = append(ids, "seg-"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676)))
	}
	for _, tt := range []struct{ in, want string }{
		{"seg-bca", "seg-bca"},
		{"seg-bcx", "seg-bca"}, // one substitution from seg-bca … seg-bch: the first in order wins
		{"sge-bca", "seg-bca"},
		{"segment-zzzz", ""},
	} {
		if got := Closest(tt.in, ids); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestItemNamedMatchesEqualFold: the name index finds the same item as
// comparing the text with every name under strings.EqualFold, on random
// names mixing cases, spaces and letters that fold across scripts (the
// Kelvin sign and k, the long s and s).
func TestItemNamedMatchesEqualFold(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	letters := []string{"k", "K", "\u212a", "s", "S", "\u017f", "é", "É", " ", "a"}
	word := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(letters[r.IntN(len(letters))])
		}
		return b.String()
	}
	for range 300 {
		v := &validator{items: map[string][]map[string]any{}}
		var items []map[string]any
		for i := range r.IntN(12) {
			it := map[string]any{"name": word()}
			if r.IntN(5) > 0 {
				it["id"] = fmt.Sprintf("id%d", i)
			}
			items = append(items, it)
		}
		v.items["segments"] = items
		for range 20 {
			s := word()
			want := ""
			for _, m := range items {
				name, _ := m["name"].(string)
				id, _ := m["id"].(string)
				if id != "" && name != "" && strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(s)) {
					want = id
					break
				}
			}
			if got := v.itemNamed("segments", s); got != want {
				t.Fatalf("itemNamed(%q) = %q, want %q among %v", s, got, want, items)
			}
		}
	}
}

// TestSuggestBoundedMatchesFull: Suggest, which stops aligning past the
// did-you-mean limit, decides as the full distances to every candidate
// would: the one nearest candidate within the limit, and no suggestion on
// a tie or beyond it.
func TestSuggestBoundedMatchesFull(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	word := func() string {
		b := make([]rune, 1+r.IntN(7))
		for i := range b {
			b[i] = []rune("abcé_")[r.IntN(5)]
		}
		return string(b)
	}
	full := func(s string, candidates []string) (string, bool) {
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
	for range 3000 {
		var candidates []string
		for range r.IntN(8) {
			candidates = append(candidates, word())
		}
		s := word()
		gotS, gotOK := Suggest(s, candidates)
		wantS, wantOK := full(s, candidates)
		if gotS != wantS || gotOK != wantOK {
			t.Fatalf("Suggest(%q, %q) = %q, %v; the full distances give %q, %v", s, candidates, gotS, gotOK, wantS, wantOK)
		}
	}
}

// TestDanglingHintsBounded: the spelling comparisons of dangling
// references' hints and fixes are bounded per document, so n dangling
// references among n ids cost linear time. The first references get their
// did-you-mean and fix; past the budget they get the plain hint.
func TestDanglingHintsBounded(t *testing.T) {
	const n = 2000 // 3·n·n comparisons would be 12 million
	var b strings.Builder
	b.WriteString("name = \"M\"\nsegments = [\n")
	for i := range n {
		fmt.Fprintf(&b, "{id=\"s%d\",name=\"S%d\"},\n", 10000+i, i)
	}
	b.WriteString("]\nrelationships = [{id=\"r\",type=\"self_service\",segments=[")
	for i := range n {
		fmt.Fprintf(&b, "\"t%d\",", 10000+i)
	}
	b.WriteString("]}]\n")
	doc := Load("m.toml", []byte(b.String()))
	var hinted, plain, fixed int
	for _, p := range doc.Problems {
		if p.Code != "CR006" {
			continue
		}
		switch {
		case strings.HasPrefix(p.Hint, "did you mean \"s1"):
			hinted++
		case p.Hint == fmt.Sprintf("use one of the %d known segment ids", n):
			plain++
		default:
			t.Fatalf("unexpected hint %q", p.Hint)
		}
		if p.Fix != nil {
			fixed++
		}
	}
	if want := refHintBudget / (3 * n); hinted != want || fixed != want || plain != n-want {
		t.Errorf("%d hinted, %d fixed, %d plain; want %d, %d, %d", hinted, fixed, plain, want, want, n-want)
	}
}
