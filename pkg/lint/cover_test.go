package lint

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/crlint/crlint/pkg/report"
)

// naiveCover is cover as it was first written: every finding against every
// directive (quadratic), kept as the reference the indexed cover must match.
func naiveCover(sups []Suppression, fs []report.Finding) ([]report.Finding, [][]bool) {
	used := make([][]bool, len(sups))
	for i, s := range sups {
		used[i] = make([]bool, len(s.Codes))
	}
	var out []report.Finding
	for _, f := range fs {
		hit := false
		for i, s := range sups {
			if !s.File && s.Line != f.Line {
				continue
			}
			for j, c := range s.Codes {
				if c == f.Code || c == f.Rule {
					used[i][j], hit = true, true
				}
			}
		}
		if !hit {
			out = append(out, f)
		}
	}
	return out, used
}

// TestCoverMatchesNaive compares cover with naiveCover on random
// directives (file-wide or on a line, codes or names, repeated) and random
// findings, findings at line 0 included.
func TestCoverMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 15))
	rules := [][2]string{{"CR101", "relationship-without-segment"}, {"CR201", "high-touch-without-resources"}, {"CR202", "high-touch-without-costs"}, {"HOUSE1", "HOUSE1"}}
	names := []string{"CR101", "relationship-without-segment", "CR201", "high-touch-without-costs", "HOUSE1", "CR999"}
	for range 500 {
		var sups []Suppression
		for range rng.IntN(8) {
			s := Suppression{File: rng.IntN(4) == 0}
			if !s.File {
				s.Line = 1 + rng.IntN(6)
			}
			for range rng.IntN(4) {
				s.Codes = append(s.Codes, names[rng.IntN(len(names))])
			}
			sups = append(sups, s)
		}
		var fs []report.Finding
		for range rng.IntN(12) {
			r := rules[rng.IntN(len(rules))]
			fs = append(fs, report.Finding{Code: r[0], Rule: r[1], Line: rng.IntN(7)})
		}
		gotOut, gotUsed := cover(sups, slices.Clone(fs))
		wantOut, wantUsed := naiveCover(sups, slices.Clone(fs))
		if len(gotOut) == 0 && len(wantOut) == 0 {
			gotOut, wantOut = nil, nil
		}
		if !reflect.DeepEqual(gotOut, wantOut) || !reflect.DeepEqual(gotUsed, wantUsed) {
			t.Fatalf("directives %+v, findings %+v:\ncover      %+v %v\nnaiveCover %+v %v", sups, fs, gotOut, gotUsed, wantOut, wantUsed)
		}
	}
}
