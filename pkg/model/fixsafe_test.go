package model

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		s          string
		candidates []string
		want       string
		ok         bool
	}{
		{"Self-Service", RelationshipTypes, "self_service", true},
		{"self service", RelationshipTypes, "self_service", true},
		{"comunity", RelationshipTypes, "community", true},
		{"tpye", []string{"id", "type", "name"}, "type", true},
		{"community", RelationshipTypes, "", false}, // already valid
		{"dedicated", RelationshipTypes, "", false}, // a synonym, not a spelling
		{"ab", []string{"ac", "ad"}, "", false},     // a tie
		{"x", []string{}, "", false},                // nothing to suggest
		{"enterprize", []string{"enterprise", "smb"}, "enterprise", true},
	} {
		got, ok := Suggest(tc.s, tc.candidates)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Suggest(%q) = %q, %v; want %q, %v", tc.s, got, ok, tc.want, tc.ok)
		}
	}
}

// fixes lists the safe fixes of a document's problems as "CODE from>to".
func fixes(src string) []string {
	var out []string
	for _, p := range Load("m.toml", []byte(src)).Problems {
		if p.Fix != nil {
			out = append(out, p.Code+" "+p.Fix.From+">"+p.Fix.To)
		}
	}
	slices.Sort(out)
	return out
}

func TestSafeFixes(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"key, enum value, type spelling, reference",
			"name = \"x\"\nstage = \"Mature\"\n[[segments]]\nid = \"smb\"\n[[relationships]]\nid = \"a\"\ntpye = \"x\"\n" +
				"[[relationships]]\nid = \"b\"\ntype = \"Self-Service\"\nsegments = [\"smbb\"]\n",
			[]string{"CR002 tpye>type", "CR003 Mature>mature", "CR003 Self-Service>self_service", "CR006 smbb>smb"}},
		{"a key the table already has is not respelt",
			"name = \"x\"\n[[relationships]]\nid = \"a\"\ntype = \"fans\"\ntpye = \"fans\"\n", nil},
		{"a key several headers name is not respelt",
			"name = \"x\"\n[[segmets]]\nid = \"a\"\n[[segmets]]\nid = \"b\"\n", nil},
		{"nor one a header and a dotted key name",
			"name = \"x\"\n[sumary]\nrelationships = \"x\"\n[sumary.extra]\na = 1\n", nil},
		{"a key written once is",
			"name = \"x\"\n[[segmets]]\nid = \"a\"\nname = \"A\"\n", []string{"CR002 segmets>segments"}},
		{"an id with bad characters is not fixed (its references would break)",
			"name = \"x\"\n[[segments]]\nid = \"Big Co\"\n", nil},
	} {
		if got := fixes(tc.src); !slices.Equal(got, tc.want) {
			t.Errorf("%s: fixes %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestTypeGuidanceCoversEveryType(t *testing.T) {
	for _, ty := range RelationshipTypes {
		if TypeGuidance[ty] == "" {
			t.Errorf("no guidance for %s", ty)
		}
	}
	if len(TypeGuidance) != len(RelationshipTypes) {
		t.Errorf("%d definitions for %d types", len(TypeGuidance), len(RelationshipTypes))
	}
}

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{"smb": true, "a-1_b": true, "9x": true, "-a": false, "A": false, "": false, "a b": false} {
		if ValidID(s) != want {
			t.Errorf("ValidID(%q) = %v", s, !want)
		}
	}
}

// oldNamedOnce is namedOnce as first written, a scan of every node per
// call, kept as the reference for the index.
func oldNamedOnce(ix *Index, p Path) bool {
	nodes := ix.Nodes()
	own := -1
	for _, n := range nodes {
		if slices.Equal(n.Path, p) {
			own = n.Key.Start
			break
		}
	}
	if own < 0 {
		return false
	}
	for _, n := range nodes {
		if len(n.Path) <= len(p) || !slices.Equal(n.Path[:len(p)], p) || n.Key.Start == own {
			continue
		}
		key := ix.src[n.Key.Start:n.Key.End]
		if bytes.HasPrefix(key, []byte("[")) || bytes.ContainsRune(key, '.') {
			return false
		}
	}
	return true
}

// TestNamedOnceMatchesScan compares the indexed namedOnce with a scan of
// every node, for every written path of every model under testdata and
// examples, and of a few documents that name a table in several places.
func TestNamedOnceMatchesScan(t *testing.T) {
	var srcs [][]byte
	for _, glob := range []string{"../../examples/*.toml", "testdata/*.toml", "../lint/testdata/rules/*/*.toml", "../cli/testdata/*.toml"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, src)
		}
	}
	srcs = append(srcs,
		[]byte("[[segmets]]\nid = \"a\"\n[[segmets]]\nid = \"b\"\n"),
		[]byte("[segmets]\nx = 1\n[segmets.y]\nz = 2\n"),
		[]byte("segmets.x = 1\nsegmets.y.z = 2\n[other]\nk = 1\n"),
		[]byte("[a.b.c]\nd = 1\n[a.b.e]\nf = 1\n[a]\ng = 1\n"),
	)
	checked := 0
	for _, src := range srcs {
		ix, err := NewIndex(src)
		if err != nil {
			continue
		}
		v := &validator{doc: &Document{Src: src}}
		for _, n := range ix.Nodes() {
			if got, want := v.namedOnce(n.Path), oldNamedOnce(ix, n.Path); got != want {
				t.Errorf("%q in\n%s\nnamedOnce = %v, the scan says %v", n.Path, src, got, want)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d paths checked", checked)
	}
}
