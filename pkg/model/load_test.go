package model

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/benchmodel"
)

// found renders a document's problems as "CODE path line:col", sorted.
func found(d *Document) []string {
	var out []string
	for _, p := range d.Problems {
		pos := p.Pos
		if pos.Line == 0 {
			pos = d.Locate(p.Path, p.At)
		}
		out = append(out, fmt.Sprintf("%s %s %d:%d", p.Code, p.Path, pos.Line, pos.Col))
	}
	slices.Sort(out)
	return out
}

func TestLoaderFindings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "CR001 syntax error is the only finding",
			src:  "name = \"x\"\nfoo = = 1\n[[relationships]]\nid = 3\n",
			want: []string{"CR001  2:7"},
		},
		{
			name: "CR001 duplicate key through a dotted key (BurntSushi accepts it)",
			src:  "name = \"x\"\n[summary]\nrelationships = \"a\"\n[summary.relationships]\nx = 1\n",
			want: []string{"CR001  4:2"}, // the parser points at the redefined key
		},
		{
			// v2 §3: CR001 for a duplicate key or table points at the second
			// occurrence: a key where it starts (a dotted key's first part),
			// a table header at its key's first character.
			name: "CR001 duplicate key: the second occurrence",
			src:  "name = \"x\"\nstage = \"idea\"\n  name = \"y\"\n",
			want: []string{"CR001  3:3"},
		},
		{
			name: "CR001 duplicate dotted key: where the second one starts",
			src:  "name = \"x\"\nsummary.relationships = \"a\"\nsummary.relationships = \"b\"\n",
			want: []string{"CR001  3:1"},
		},
		{
			name: "CR001 duplicate table: the second header's key",
			src:  "name = \"x\"\n[summary]\nrelationships = \"a\"\n[summary]\n",
			want: []string{"CR001  4:2"},
		},
		{
			name: "CR001 duplicate key in an inline table: the second key",
			src:  "name = \"x\"\nsummary = { relationships = \"a\", relationships = \"b\" }\n",
			want: []string{"CR001  2:34"},
		},
		{
			name: "CR001 a table over an array of tables: the header's key",
			src:  "name = \"x\"\n[[segments]]\nid = \"s\"\n[segments]\n",
			want: []string{"CR001  4:2"},
		},
		{
			name: "CR001 binary file",
			src:  "name = \"x\"\n\x00\x01\x02",
			want: []string{"CR001  2:1"},
		},
		{
			name: "CR001 invalid UTF-8 positioned in characters",
			src:  "name = \"é\xff\"\n",
			want: []string{"CR001  1:10"},
		},
		{
			name: "CR002 unknown keys: top level, item, and only the outermost",
			src: `name = "x"
segmets = []
[[relationships]]
id = "a"
type = "direct"
segments = []
costz = ["c"]
[relationships.extra]
deep = { deeper = 1 }
`,
			want: []string{
				`CR002 relationships[0].costz 7:1`,
				`CR002 relationships[0].extra 8:16`, // a key in a header: its first character (v2)
				`CR002 segmets 2:1`,
			},
		},
		{
			name: "CR003 wrong type, bad id, enum out of range, enum list entry",
			src: `name = "x"
stage = "grown"
[[segments]]
id = "High Net"
market = 3
expects = ["self-service", "personal_assistance"]
[[relationships]]
id = "a"
type = "selfservice"
segments = "High Net"
`,
			want: []string{
				`CR003 relationships[0].segments 10:12`,
				`CR003 relationships[0].type 9:8`,
				`CR003 segments[0].expects[0] 6:12`,
				`CR003 segments[0].id 4:6`,
				`CR003 segments[0].market 5:10`,
				`CR003 stage 2:9`,
			},
		},
		{
			name: "CR004 missing name, id, type and tactic",
			src: `description = "no name"
[[segments]]
name = "No id"
[[relationships]]
id = "r"
[[get]]
metric = "none"
`,
			want: []string{
				`CR004  1:1`,
				`CR004 get[0] 6:1`,
				`CR004 relationships[0] 5:1`,
				`CR004 segments[0] 2:1`,
			},
		},
		{
			name: "CR005 points at the second item's id value",
			src: `name = "x"
segments = [
  { id = "smb" },
  { name = "again", id = "smb" },
]
`,
			want: []string{`CR005 segments[1].id 4:26`},
		},
		{
			name: "CR006 after an invalid entry points at the value as written",
			src:  "name = \"x\"\n[[segments]]\nid = \"smb\"\n[[relationships]]\nid = \"r\"\ntype = \"direct\"\nsegments = [1, \"smb-typo\", \"smb\"]\n",
			want: []string{`CR003 relationships[0].segments[0] 7:13`, `CR006 relationships[0].segments[1] 7:16`},
		},
		{
			name: "CR006 points at the dangling value, with tabs and non-ASCII before it",
			src:  "name = \"x\"\n[[segments]]\nid = \"smb\"\n[[relationships]]\nid = \"r\"\ntype = \"direct\"\n\tsegments = [\"smb\", \"émb\"] # é\n",
			want: []string{`CR006 relationships[0].segments[1] 7:21`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(Load("m.toml", []byte(tt.src)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCRLFAndBOMKeepPositions: a model with CRLF endings and a BOM gives
// the same findings at the same positions as the plain LF file.
func TestCRLFAndBOMKeepPositions(t *testing.T) {
	lf := "name = \"x\"\n[[relationships]]\nid = \"r\"\ntype = \"fan\"\nsegments = [\"ghost\"]\n"
	want := found(Load("m.toml", []byte(lf)))
	if len(want) != 2 {
		t.Fatalf("want two findings in the LF file, got %q", want)
	}
	crlf := strings.ReplaceAll(lf, "\n", "\r\n")
	for name, src := range map[string]string{"crlf": crlf, "bom": "\ufeff" + lf, "bom+crlf": "\ufeff" + crlf} {
		if got := found(Load("m.toml", []byte(src))); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

func TestSuggestions(t *testing.T) {
	d := Load("m.toml", []byte("name = \"x\"\nsegmets = []\n[[relationships]]\nid = \"r\"\ntype = \"Self-Service\"\nsegments = [\"smb\"]\n[[segments]]\nid = \"smbs\"\n"))
	hints := map[string]string{}
	for _, p := range d.Problems {
		hints[p.Code] = p.Hint
	}
	for code, want := range map[string]string{
		"CR002": `did you mean "segments"?`,
		"CR003": `did you mean "self_service"?`,
		"CR006": `did you mean "smbs"?`,
	} {
		if hints[code] != want {
			t.Errorf("%s hint = %q, want %q", code, hints[code], want)
		}
	}
	for in, want := range map[string]string{
		"automated": "automated_services", "Communities": "community", "co-creation": "co_creation",
		"dedicated personal assistance": "dedicated_personal_assistance", "longterm": "long_term", "zzz": "",
	} {
		if got := Closest(in, RelationshipTypes); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNormalizedInput: invalid values are dropped, indices kept, blocks
// always present, the duplicate's id removed.
func TestNormalizedInput(t *testing.T) {
	d := Load("m.toml", []byte(`name = "x"
[[relationships]]
id = "a"
type = "nope"
segments = ["s", 3]
[[relationships]]
id = "a"
type = "direct"
`))
	rels := d.Input["relationships"].([]any)
	if len(rels) != 2 {
		t.Fatalf("relationships: %v", rels)
	}
	first := rels[0].(map[string]any)
	if _, ok := first["type"]; ok {
		t.Errorf("invalid type kept: %v", first)
	}
	if segs := first["segments"].([]any); len(segs) != 1 || segs[0] != "s" {
		t.Errorf("segments = %v, want [s]", segs)
	}
	if dup := rels[1].(map[string]any); dup["id"] != "a" || dup[DuplicateKey] != true {
		t.Errorf("duplicate: want its id kept and %s set: %v", DuplicateKey, dup)
	}
	if inv, _ := first[InvalidKey].(map[string]any); inv["type"] != true || inv["segments"] != true {
		t.Errorf("invalid fields not marked: %v", first)
	}
	for _, b := range Blocks {
		if _, ok := d.Input[b.Name].([]any); !ok {
			t.Errorf("block %s missing from input", b.Name)
		}
	}
}

// TestTOMLConformance: every invalid file of the toml-test suite is CR001
// alone; every valid one loads without CR001.
func TestTOMLConformance(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "toml-test")
	if _, err := os.Stat(root); err != nil {
		t.Skip("toml-test suite not found beside the repository")
	}
	var valid, invalid int
	err := filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		d := Load(p, src)
		rel, _ := filepath.Rel(root, p)
		isInvalid := strings.HasPrefix(rel, "invalid")
		var codes []string
		for _, pr := range d.Problems {
			codes = append(codes, pr.Code)
		}
		if isInvalid {
			invalid++
			if len(codes) != 1 || codes[0] != "CR001" {
				t.Errorf("%s: want CR001 alone, got %v", rel, codes)
			}
		} else {
			valid++
			if slices.Contains(codes, "CR001") {
				t.Errorf("%s: valid TOML rejected: %v", rel, d.Problems)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if valid == 0 || invalid == 0 {
		t.Fatalf("read %d valid and %d invalid files", valid, invalid)
	}
	t.Logf("%d valid and %d invalid files", valid, invalid)
}

// TestSyntaxErrorPositionWithBOM: a BOM does not move a syntax error, from
// either parser.
func TestSyntaxErrorPositionWithBOM(t *testing.T) {
	for _, src := range []string{
		"name = = 1\n",                        // both parsers reject it
		"name = \"x\"\n[a]\nb = 1\n[a]\n",     // a table defined twice
		"name = \"x\"\n[a]\nb.c = 1\n[a.b]\n", // BurntSushi accepts it
	} {
		want := found(Load("m.toml", []byte(src)))
		if len(want) != 1 || !strings.HasPrefix(want[0], "CR001") {
			t.Fatalf("%q: want one CR001, got %q", src, want)
		}
		for name, variant := range map[string]string{"bom": "\ufeff" + src, "crlf": strings.ReplaceAll(src, "\n", "\r\n")} {
			if got := found(Load("m.toml", []byte(variant))); !slices.Equal(got, want) {
				t.Errorf("%s of %q: got %q, want %q", name, src, got, want)
			}
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"type", "type", 0}, {"tpye", "type", 1}, {"naem", "name", 1}, {"segmets", "segments", 1},
		{"", "abc", 3}, {"kitten", "sitting", 3}, {"ca", "abc", 3}, {"é", "e", 1},
	} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := didYouMean("tpye", BlockByName("relationships").FieldNames(), "known keys"); got != `did you mean "type"?` {
		t.Errorf("hint for tpye: %q", got)
	}
}

// TestTacticLabelIgnoresStrayID: an id written on a tactic is CR002, not the
// tactic's name in messages.
func TestTacticLabelIgnoresStrayID(t *testing.T) {
	d := Load("m.toml", []byte("name = \"x\"\n[[get]]\nid = \"t1\"\ntactic = \"Ads\"\n"))
	if len(d.Problems) != 1 || d.Problems[0].Message != `unknown key "id" in get tactic "Ads"` {
		t.Errorf("got %v", d.Problems)
	}
}

// BenchmarkLoadLarge measures loading and indexing one model of 1,000,
// 10,000 and 60,000 relationships (pkg/benchmodel): the time per
// relationship must stay flat.
func BenchmarkLoadLarge(b *testing.B) {
	for _, n := range []int{1000, 10000, 60000} {
		src := benchmodel.LargeModel(n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				d := Load("m.toml", src)
				if d.Input == nil || d.Index() == nil {
					b.Fatal("the large model does not load")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}
