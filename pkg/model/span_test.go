package model

import (
	"testing"
)

// rangeDoc has a wide-character string, a dotted key, a multi-line array,
// an inline table and a header with blanks inside its brackets.
const rangeDoc = `name = "大衆 Bank"
[[relationships]]
id = "desk"
a.b.c = 1
segments = ["smb", "大衆"]
t = { x = 1 }
costs = [
  "x",
]
[ relationships.extra ]
`

func TestDocumentRange(t *testing.T) {
	d := Load("m.toml", []byte(rangeDoc))
	for _, tc := range []struct {
		path Path
		at   Target
		want Range
	}{
		{Path{"name"}, AtAuto, Range{Pos{1, 8}, Pos{1, 17}}},
		{Path{"name"}, AtKey, Range{Pos{1, 1}, Pos{1, 5}}},
		// v2 §3: a key inside a header is at its first character, and
		// its range is the key's.
		{Path{"relationships"}, AtKey, Range{Pos{2, 3}, Pos{2, 16}}},
		{Path{"relationships", 0}, AtAuto, Range{Pos{3, 1}, Pos{3, 3}}},
		{Path{"relationships", 0, "id"}, AtAuto, Range{Pos{3, 6}, Pos{3, 12}}},
		{Path{"relationships", 0, "a", "b", "c"}, AtAuto, Range{Pos{4, 9}, Pos{4, 10}}},
		{Path{"relationships", 0, "a", "b", "c"}, AtKey, Range{Pos{4, 1}, Pos{4, 6}}},
		{Path{"relationships", 0, "a"}, AtAuto, Range{Pos{4, 1}, Pos{4, 6}}},
		{Path{"relationships", 0, "segments"}, AtAuto, Range{Pos{5, 1}, Pos{5, 9}}},
		{Path{"relationships", 0, "segments"}, AtValue, Range{Pos{5, 12}, Pos{5, 25}}},
		{Path{"relationships", 0, "segments", 1}, AtAuto, Range{Pos{5, 20}, Pos{5, 24}}},
		{Path{"relationships", 0, "t"}, AtValue, Range{Pos{6, 5}, Pos{6, 14}}},
		{Path{"relationships", 0, "t", "x"}, AtAuto, Range{Pos{6, 11}, Pos{6, 12}}},
		{Path{"relationships", 0, "costs"}, AtValue, Range{Pos{7, 9}, Pos{9, 2}}},
		{Path{"relationships", 0, "costs", 0}, AtAuto, Range{Pos{8, 3}, Pos{8, 6}}},
		{Path{"relationships", 0, "extra"}, AtAuto, Range{Pos{10, 1}, Pos{10, 24}}},
		// Not written anywhere: an empty range at 1:1.
		{Path{"summary", "relationships"}, AtAuto, Range{Pos{1, 1}, Pos{1, 1}}},
		{nil, AtAuto, Range{Pos{1, 1}, Pos{1, 1}}},
		// Not written, held by a written item: that item's id key.
		{Path{"relationships", 0, "channels"}, AtAuto, Range{Pos{3, 1}, Pos{3, 3}}},
	} {
		if got := d.Range(tc.path, tc.at); got != tc.want {
			t.Errorf("Range(%s, %d) = %v, want %v", tc.path, tc.at, got, tc.want)
		}
	}
}

// TestRangeAbsentNotFirstToken: a finding about something absent is empty
// even when the file's first token starts at 1:1.
func TestRangeAbsentNotFirstToken(t *testing.T) {
	d := Load("m.toml", []byte("name = \"x\"\n"))
	if got, want := d.Range(Path{"stage"}, AtAuto), (Range{Pos{1, 1}, Pos{1, 1}}); got != want {
		t.Errorf("absent stage: %v, want %v", got, want)
	}
	if got, want := d.Range(Path{"name"}, AtKey), (Range{Pos{1, 1}, Pos{1, 5}}); got != want {
		t.Errorf("name key: %v, want %v", got, want)
	}
}

func TestRangeCRLFAndBOM(t *testing.T) {
	d := Load("m.toml", []byte("\xef\xbb\xbfname = \"x\"\r\nstage = 'idea'\r\n"))
	for _, tc := range []struct {
		path Path
		want Range
	}{
		{Path{"name"}, Range{Pos{1, 8}, Pos{1, 11}}},
		{Path{"stage"}, Range{Pos{2, 9}, Pos{2, 15}}},
	} {
		if got := d.Range(tc.path, AtAuto); got != tc.want {
			t.Errorf("Range(%s) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestOffset(t *testing.T) {
	ix, err := NewIndex([]byte("\xef\xbb\xbfa = \"é大\"\r\nb = 1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		p    Pos
		want int
		ok   bool
	}{
		{Pos{1, 1}, 3, true},
		{Pos{1, 6}, 8, true},   // 'é'
		{Pos{1, 7}, 10, true},  // '大'
		{Pos{1, 8}, 13, true},  // closing quote
		{Pos{1, 9}, 14, true},  // just past the line: its '\r'
		{Pos{1, 10}, 0, false}, // past the line
		{Pos{2, 5}, 20, true},
		{Pos{2, 6}, 21, true}, // end of the document
		{Pos{3, 1}, 0, false},
		{Pos{0, 1}, 0, false},
	} {
		got, ok := ix.Offset(tc.p)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Offset(%v) = %d, %v; want %d, %v", tc.p, got, ok, tc.want, tc.ok)
		}
		if ok {
			if back := ix.PosAt(got); back != tc.p {
				t.Errorf("PosAt(Offset(%v)) = %v", tc.p, back)
			}
		}
	}
}

func TestNodes(t *testing.T) {
	src := []byte("[[s]]\nid = \"a\"\nx = [1, { y = 2 }]\n")
	ix, err := NewIndex(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range ix.Nodes() {
		got = append(got, n.Path.String()+"="+string(src[n.Key.Start:n.Key.End])+"|"+string(src[n.Value.Start:n.Value.End]))
	}
	want := []string{
		"=|" + string(src),
		"s=[[s]]|[[s]]",
		"s[0]=[[s]]|[[s]]",
		"s[0].id=id|\"a\"",
		"s[0].x=x|[1, { y = 2 }]",
		"s[0].x[0]=1|1",
		"s[0].x[1]={ y = 2 }|{ y = 2 }",
		"s[0].x[1].y=y|2",
	}
	if len(got) != len(want) {
		t.Fatalf("Nodes = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("node %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// FuzzRange: for any document that parses, every written path has a range
// that starts where Locate points and ends at or after it, inside the
// document, and every node's spans lie inside the source.
func FuzzRange(f *testing.F) {
	f.Add(rangeDoc)
	f.Add("\xef\xbb\xbfname = \"x\"\r\n[[a.b]]\nc = [1, {d = 'e'}]\n")
	f.Add("x.y.z = { a = [ [1], [\"大\"] ] }\n[ \"q.r\" . s ]\n")
	f.Fuzz(func(t *testing.T, src string) {
		d := Load("f.toml", []byte(src))
		ix := d.Index()
		if ix == nil {
			return
		}
		for _, n := range ix.Nodes() {
			for _, s := range []Span{n.Key, n.Value} {
				if s.Start < 0 || s.End < s.Start || s.End > len(src) {
					t.Fatalf("%s: span %+v outside the %d-byte source", n.Path, s, len(src))
				}
			}
			for _, at := range []Target{AtAuto, AtKey, AtValue} {
				r := d.Range(n.Path, at)
				if r.Start != d.Locate(n.Path, at) {
					t.Fatalf("%s: range starts at %v, Locate says %v", n.Path, r.Start, d.Locate(n.Path, at))
				}
				if r.End.Line < r.Start.Line || r.End.Line == r.Start.Line && r.End.Col < r.Start.Col {
					t.Fatalf("%s: range %v ends before it starts", n.Path, r)
				}
				if off, ok := ix.Offset(r.End); !ok || off > len(src) {
					t.Fatalf("%s: range end %v is not in the document", n.Path, r.End)
				}
			}
		}
	})
}
