package model

import (
	"math/rand/v2"
	"testing"
)

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
