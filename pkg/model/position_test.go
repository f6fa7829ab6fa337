package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	pltoml "github.com/pelletier/go-toml/v2"
)

// want is the expected entry of one path.
type want struct {
	path Path
	kind NodeKind
	key  Pos
	val  Pos
}

// w builds a want from line:col pairs of the key and the value.
func w(p Path, kind NodeKind, keyLine, keyCol, valLine, valCol int) want {
	return want{p, kind, Pos{keyLine, keyCol}, Pos{valLine, valCol}}
}

// positionCases are small documents, each with the exact positions of
// several of their paths.
var positionCases = []struct {
	name string
	doc  string
	want []want
}{
	{
		name: "strings that look like syntax",
		doc: `title = "a [[b]] = c # d \" e" # trailing
	tabbed = 'lit # [x] = "'
next = "\\" # after a backslash
`,
		want: []want{
			w(Path{"title"}, KindScalar, 1, 1, 1, 9),
			w(Path{"tabbed"}, KindScalar, 2, 2, 2, 11),
			w(Path{"next"}, KindScalar, 3, 1, 3, 8),
		},
	},
	{
		name: "quoted keys",
		doc: `"a.b" = 1
'c.d' = 2
"" = 3
"é" = 4
  "q\"uote" . 'x' = 5
"a\u0062c" = 6
'lit\' = 7
`,
		want: []want{
			w(Path{"a.b"}, KindScalar, 1, 1, 1, 9),
			w(Path{"c.d"}, KindScalar, 2, 1, 2, 9),
			w(Path{""}, KindScalar, 3, 1, 3, 6),
			w(Path{"é"}, KindScalar, 4, 1, 4, 7),
			w(Path{`q"uote`}, KindTable, 5, 3, 5, 3),
			w(Path{`q"uote`, "x"}, KindScalar, 5, 3, 5, 21),
			w(Path{"abc"}, KindScalar, 6, 1, 6, 14),
			w(Path{`lit\`}, KindScalar, 7, 1, 7, 10),
		},
	},
	{
		name: "table headers and implicit parents",
		doc: `[a.b.c]
x = 1
  [ d . "e.f" ]   # spaces inside the brackets
y = 2
[a]
z = 3
`,
		want: []want{
			// v2: a key in a header is at its first character; the table
			// the header names has its '[' as value, those on the way none.
			w(Path{"a"}, KindTable, 1, 2, 1, 2),
			w(Path{"a", "b"}, KindTable, 1, 4, 1, 4),
			w(Path{"a", "b", "c"}, KindTable, 1, 6, 1, 1),
			w(Path{"a", "b", "c", "x"}, KindScalar, 2, 1, 2, 5),
			w(Path{"d"}, KindTable, 3, 5, 3, 5),
			w(Path{"d", "e.f"}, KindTable, 3, 9, 3, 3),
			w(Path{"d", "e.f", "y"}, KindScalar, 4, 1, 4, 5),
			w(Path{"a", "z"}, KindScalar, 6, 1, 6, 5),
		},
	},
	{
		name: "arrays of tables",
		doc: `[[rel]]
id = "r0"
[rel.meta]
q = 1
[[rel.items]]
n = 0
[[rel]]
id = "r1"
  [[ rel.items ]]
  n = 1
[[rel.items]]
n = 2
[[other.deep]]
`,
		want: []want{
			w(Path{"rel"}, KindArray, 1, 3, 1, 1),
			w(Path{"rel", 0}, KindTable, 1, 1, 1, 1),
			w(Path{"rel", 0, "id"}, KindScalar, 2, 1, 2, 6),
			w(Path{"rel", 0, "meta"}, KindTable, 3, 6, 3, 1),
			w(Path{"rel", 0, "meta", "q"}, KindScalar, 4, 1, 4, 5),
			w(Path{"rel", 0, "items"}, KindArray, 5, 7, 5, 1),
			w(Path{"rel", 0, "items", 0, "n"}, KindScalar, 6, 1, 6, 5),
			w(Path{"rel", 1}, KindTable, 7, 1, 7, 1),
			w(Path{"rel", 1, "id"}, KindScalar, 8, 1, 8, 6),
			w(Path{"rel", 1, "items"}, KindArray, 9, 10, 9, 3),
			w(Path{"rel", 1, "items", 0}, KindTable, 9, 3, 9, 3),
			w(Path{"rel", 1, "items", 0, "n"}, KindScalar, 10, 3, 10, 7),
			w(Path{"rel", 1, "items", 1}, KindTable, 11, 1, 11, 1),
			w(Path{"rel", 1, "items", 1, "n"}, KindScalar, 12, 1, 12, 5),
			w(Path{"other"}, KindTable, 13, 3, 13, 3),
			w(Path{"other", "deep", 0}, KindTable, 13, 1, 13, 1),
		},
	},
	{
		name: "dotted keys",
		doc: `a.b.c = 1
a . d = "x"
[t]
  x . "y.z" = true
i = { p.q = 1, r = { s.t = 2 } }
`,
		want: []want{
			w(Path{"a"}, KindTable, 1, 1, 1, 1),
			w(Path{"a", "b"}, KindTable, 1, 1, 1, 1),
			w(Path{"a", "b", "c"}, KindScalar, 1, 1, 1, 9),
			w(Path{"a", "d"}, KindScalar, 2, 1, 2, 9),
			w(Path{"t", "x"}, KindTable, 4, 3, 4, 3),
			w(Path{"t", "x", "y.z"}, KindScalar, 4, 3, 4, 15),
			w(Path{"t", "i"}, KindTable, 5, 1, 5, 5),
			w(Path{"t", "i", "p"}, KindTable, 5, 7, 5, 7),
			w(Path{"t", "i", "p", "q"}, KindScalar, 5, 7, 5, 13),
			w(Path{"t", "i", "r"}, KindTable, 5, 16, 5, 20),
			w(Path{"t", "i", "r", "s"}, KindTable, 5, 22, 5, 22),
			w(Path{"t", "i", "r", "s", "t"}, KindScalar, 5, 22, 5, 28),
		},
	},
	{
		name: "arrays of inline tables over several lines",
		doc: `segments = [ {id="a"}, {id="b"} ]
items = [
  { id = "x", tags = ["t1",
                      "t2"] }, # one
  # between
  {id="y"},
]
`,
		want: []want{
			w(Path{"segments"}, KindArray, 1, 1, 1, 12),
			w(Path{"segments", 0}, KindTable, 1, 14, 1, 14),
			w(Path{"segments", 0, "id"}, KindScalar, 1, 15, 1, 18),
			w(Path{"segments", 1}, KindTable, 1, 24, 1, 24),
			w(Path{"segments", 1, "id"}, KindScalar, 1, 25, 1, 28),
			w(Path{"items"}, KindArray, 2, 1, 2, 9),
			w(Path{"items", 0}, KindTable, 3, 3, 3, 3),
			w(Path{"items", 0, "tags"}, KindArray, 3, 15, 3, 22),
			w(Path{"items", 0, "tags", 1}, KindScalar, 4, 23, 4, 23),
			w(Path{"items", 1}, KindTable, 6, 3, 6, 3),
			w(Path{"items", 1, "id"}, KindScalar, 6, 4, 6, 7),
		},
	},
	{
		name: "nested and empty arrays",
		doc: `n = [[1, 2], [], [ # c
  [ ], [3]], "s"]
e = []
f = [

]
g = [ {}, [], {a=[]} ]
`,
		want: []want{
			w(Path{"n"}, KindArray, 1, 1, 1, 5),
			w(Path{"n", 0}, KindArray, 1, 6, 1, 6),
			w(Path{"n", 0, 1}, KindScalar, 1, 10, 1, 10),
			w(Path{"n", 1}, KindArray, 1, 14, 1, 14),
			w(Path{"n", 2}, KindArray, 1, 18, 1, 18),
			w(Path{"n", 2, 0}, KindArray, 2, 3, 2, 3),
			w(Path{"n", 2, 1}, KindArray, 2, 8, 2, 8),
			w(Path{"n", 2, 1, 0}, KindScalar, 2, 9, 2, 9),
			w(Path{"n", 3}, KindScalar, 2, 14, 2, 14),
			w(Path{"e"}, KindArray, 3, 1, 3, 5),
			w(Path{"f"}, KindArray, 4, 1, 4, 5),
			w(Path{"g"}, KindArray, 7, 1, 7, 5),
			w(Path{"g", 0}, KindTable, 7, 7, 7, 7),
			w(Path{"g", 1}, KindArray, 7, 11, 7, 11),
			w(Path{"g", 2}, KindTable, 7, 15, 7, 15),
			w(Path{"g", 2, "a"}, KindArray, 7, 16, 7, 18),
		},
	},
	{
		name: "multi-line strings",
		doc: `m = """
[[not]]
x = 1 # no comment
"""
l = '''
y = [
'''
arr = ["""
one""", '''
two''', "three"]
k = 1
`,
		want: []want{
			w(Path{"m"}, KindScalar, 1, 1, 1, 5),
			w(Path{"l"}, KindScalar, 5, 1, 5, 5),
			w(Path{"arr"}, KindArray, 8, 1, 8, 7),
			w(Path{"arr", 0}, KindScalar, 8, 8, 8, 8),
			w(Path{"arr", 1}, KindScalar, 9, 9, 9, 9),
			w(Path{"arr", 2}, KindScalar, 10, 9, 10, 9),
			w(Path{"k"}, KindScalar, 11, 1, 11, 5),
		},
	},
	{
		name: "non-ASCII text before the key",
		doc: `x = { "日本語" = "ü", k = 1 }
a = ["é", "ü", 3]
`,
		want: []want{
			w(Path{"x", "日本語"}, KindScalar, 1, 7, 1, 15),
			w(Path{"x", "k"}, KindScalar, 1, 20, 1, 24),
			w(Path{"a", 1}, KindScalar, 2, 11, 2, 11),
			w(Path{"a", 2}, KindScalar, 2, 16, 2, 16),
		},
	},
	{
		name: "tabs",
		doc:  "\t[\ttab\t]\n\tk\t=\t[\t1,\t2\t]\n",
		want: []want{
			w(Path{"tab"}, KindTable, 1, 4, 1, 2),
			w(Path{"tab", "k"}, KindArray, 2, 2, 2, 6),
			w(Path{"tab", "k", 1}, KindScalar, 2, 11, 2, 11),
		},
	},
	{
		name: "multi-line inline table (TOML 1.1)",
		doc: `t = {
  # inside
  a = 1, # after a
  b = [ 2 ],
}
u = 2
`,
		want: []want{
			w(Path{"t"}, KindTable, 1, 1, 1, 5),
			w(Path{"t", "a"}, KindScalar, 3, 3, 3, 7),
			w(Path{"t", "b"}, KindArray, 4, 3, 4, 7),
			w(Path{"t", "b", 0}, KindScalar, 4, 9, 4, 9),
			w(Path{"u"}, KindScalar, 6, 1, 6, 5),
		},
	},
	{
		name: "scalars of every kind",
		doc: `i = +1_000
f = -1.5e3
b = false
d = 1979-05-27
dt = 1979-05-27 07:32:00Z
lt = 07:32:00
inf = -inf
`,
		want: []want{
			w(Path{"i"}, KindScalar, 1, 1, 1, 5),
			w(Path{"f"}, KindScalar, 2, 1, 2, 5),
			w(Path{"b"}, KindScalar, 3, 1, 3, 5),
			w(Path{"d"}, KindScalar, 4, 1, 4, 5),
			w(Path{"dt"}, KindScalar, 5, 1, 5, 6),
			w(Path{"lt"}, KindScalar, 6, 1, 6, 6),
			w(Path{"inf"}, KindScalar, 7, 1, 7, 7),
		},
	},
	{
		// Invalid TOML the parser itself accepts: the first write wins.
		name: "a path written twice keeps the first",
		doc: `a = 1
a = [2]
[t]
[t]
x = 1
`,
		want: []want{
			w(Path{"a"}, KindScalar, 1, 1, 1, 5),
			w(Path{"t"}, KindTable, 3, 2, 3, 1),
			w(Path{"t", "x"}, KindScalar, 5, 1, 5, 5),
		},
	},
	{
		name: "root",
		doc:  "\n\nk = 1\n",
		want: []want{
			w(Path{}, KindTable, 1, 1, 1, 1),
			w(Path{"k"}, KindScalar, 3, 1, 3, 5),
		},
	},
}

func TestIndexPositions(t *testing.T) {
	for _, tc := range positionCases {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := NewIndex([]byte(tc.doc))
			if err != nil {
				t.Fatalf("NewIndex: %v", err)
			}
			for _, wt := range tc.want {
				got, ok := ix.Lookup(wt.path)
				if !ok {
					t.Errorf("Lookup(%s): not found; have %v", wt.path, indexedPaths(ix))
					continue
				}
				if want := (Entry{Kind: wt.kind, Key: wt.key, Value: wt.val}); got != want {
					t.Errorf("Lookup(%s) = %+v, want %+v", wt.path, got, want)
				}
			}
			checkEntries(t, ix)
		})
	}
}

func TestIndexAbsentPaths(t *testing.T) {
	ix, err := NewIndex([]byte("a = [1]\n[[t]]\nx = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []Path{
		{"b"}, {"a", 1}, {"a", "0"}, {"t", 1}, {"t", "x"}, {"t", 0, "y"},
		{"a", int64(0)}, // only int indices name elements
		{"a", -1},
	} {
		if e, ok := ix.Lookup(p); ok {
			t.Errorf("Lookup(%s) = %+v, want not found", p, e)
		}
	}
	var nilIndex *Index
	if _, ok := nilIndex.Lookup(Path{"a"}); ok {
		t.Error("nil index found a path")
	}
	if got := nilIndex.Comments(); got != nil {
		t.Errorf("nil index Comments() = %v", got)
	}
	if got := nilIndex.PosAt(5); got != (Pos{1, 1}) {
		t.Errorf("nil index PosAt = %v", got)
	}
}

// variants returns the documents of the position cases, the comments test
// and the benchmark model.
func variants() map[string]string {
	docs := map[string]string{"benchmark model": benchModel, "comments": commentsDoc}
	for _, tc := range positionCases {
		docs[tc.name] = tc.doc
	}
	return docs
}

func TestIndexCRLFAndBOM(t *testing.T) {
	for name, doc := range variants() {
		t.Run(name, func(t *testing.T) {
			base, err := NewIndex([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			for vname, v := range map[string]string{
				"CRLF":      strings.ReplaceAll(doc, "\n", "\r\n"),
				"BOM":       utf8BOM + doc,
				"BOM, CRLF": utf8BOM + strings.ReplaceAll(doc, "\n", "\r\n"),
			} {
				ix, err := NewIndex([]byte(v))
				if err != nil {
					t.Fatalf("%s: %v", vname, err)
				}
				if got, want := entries(ix), entries(base); !maps.Equal(got, want) {
					t.Errorf("%s: entries differ from LF without BOM:\n got %v\nwant %v", vname, got, want)
				}
				if !slices.Equal(ix.Comments(), base.Comments()) {
					t.Errorf("%s: comments differ:\n got %+v\nwant %+v", vname, ix.Comments(), base.Comments())
				}
			}
		})
	}
}

// commentsDoc has comments in every place TOML allows them, and '#' where
// it is not a comment.
const commentsDoc = `# own line
	 # indented, after a tab
k = "# not a comment" # trailing "quoted"
s = '''
# inside a multi-line string
''' #after
a = [ # in an array
  1, # after an element
  # run 1
  # run 2
  # run 3
  2,
]
t = {
  x = 1, # in an inline table
}
[h] # after a header
` + "[[arr]]   #   spaced   \n" + // trailing blanks kept explicit
	`#
#ünïcode
`

func TestIndexComments(t *testing.T) {
	want := []Comment{
		{Pos{1, 1}, " own line", true},
		{Pos{2, 3}, " indented, after a tab", true},
		{Pos{3, 23}, ` trailing "quoted"`, false},
		{Pos{6, 5}, "after", false},
		{Pos{7, 7}, " in an array", false},
		{Pos{8, 6}, " after an element", false},
		{Pos{9, 3}, " run 1", true},
		{Pos{10, 3}, " run 2", true},
		{Pos{11, 3}, " run 3", true},
		{Pos{15, 10}, " in an inline table", false},
		{Pos{17, 5}, " after a header", false},
		{Pos{18, 11}, "   spaced   ", false},
		{Pos{19, 1}, "", true},
		{Pos{20, 1}, "ünïcode", true},
	}
	ix, err := NewIndex([]byte(commentsDoc))
	if err != nil {
		t.Fatal(err)
	}
	got := ix.Comments()
	if len(got) != len(want) {
		t.Fatalf("got %d comments, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("comment %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestIndexSyntaxError(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      Pos
	}{
		{"missing value", "a = 1\nb = \n", Pos{2, 5}},
		{"unterminated string", "a = 1\nb = \"x\n", Pos{2, 7}},
		{"unclosed header", "[a\nb = 1\n", Pos{1, 3}},
		{"garbage after value, columns in runes", "x = \"éé\" y\n", Pos{1, 10}},
		{"BOM is not a column", utf8BOM + "x = ?\n", Pos{1, 5}},
		{"CRLF", "a = 1\r\nb = ?\r\n", Pos{2, 5}},
		{"end of input", "a = [1,", Pos{1, 7}},
		{"bare carriage return", "a = 1\rb = 2\n", Pos{1, 6}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := NewIndex([]byte(tc.doc))
			if ix != nil {
				t.Error("NewIndex returned an index with an error")
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("NewIndex error = %v (%T), want *SyntaxError", err, err)
			}
			if se.Pos != tc.want {
				t.Errorf("Pos = %v, want %v (%s)", se.Pos, tc.want, se.Msg)
			}
			if prefix := fmt.Sprintf("%d:%d: ", tc.want.Line, tc.want.Col); se.Msg == "" || !strings.HasPrefix(se.Error(), prefix) {
				t.Errorf("Error() = %q", se.Error())
			}
		})
	}
}

func TestPosAt(t *testing.T) {
	doc := utf8BOM + "a=1\r\n\"ç\"=2\n\n"
	ix, err := NewIndex([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		off  int
		want Pos
	}{
		{-1, Pos{1, 1}},
		{0, Pos{1, 1}}, // inside the BOM
		{2, Pos{1, 1}},
		{3, Pos{1, 1}},
		{4, Pos{1, 2}},
		{6, Pos{1, 4}}, // the '\r'
		{8, Pos{2, 1}},
		{9, Pos{2, 2}},
		{11, Pos{2, 3}}, // after the two bytes of 'ç'
		{12, Pos{2, 4}},
		{15, Pos{3, 1}},
		{16, Pos{4, 1}}, // end of input
		{99, Pos{4, 1}},
	} {
		if got := ix.PosAt(tc.off); got != tc.want {
			t.Errorf("PosAt(%d) = %v, want %v", tc.off, got, tc.want)
		}
	}
}

func TestPathString(t *testing.T) {
	for _, tc := range []struct {
		p    Path
		want string
	}{
		{nil, ""},
		{Path{}, ""},
		{Path{"relationships", 2, "segments", 1}, "relationships[2].segments[1]"},
		{Path{"a-b_C9"}, "a-b_C9"},
		{Path{"a.b", "c d"}, `"a.b"."c d"`},
		{Path{""}, `""`},
		{Path{"é"}, `"é"`},
		{Path{`q"\`, "t\tn\nr\r", "\x01\x7f"}, `"q\"\\"."t\tn\nr\r"."\u0001\u007F"`},
		{Path{"n", 0, 1}, "n[0][1]"},
		{Path{0}, "[0]"},
		{Path{"x", 1.5}, "x[1.5]"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestLookupDoesNotAllocate(t *testing.T) {
	ix, err := NewIndex([]byte(benchModel))
	if err != nil {
		t.Fatal(err)
	}
	p := Path{"relationships", 1, "segments", 0}
	if _, ok := ix.Lookup(p); !ok {
		t.Fatalf("Lookup(%s) not found", p)
	}
	if n := testing.AllocsPerRun(100, func() { ix.Lookup(p) }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}

// TestIndexLargeDocuments indexes documents whose paths share long
// prefixes or whose lines are long: it would take seconds, or gigabytes, if
// indexing were quadratic in a key's length, a nesting depth or a line's
// length.
func TestIndexLargeDocuments(t *testing.T) {
	const n = 20000
	// Nesting past MaxDepth is refused before the parser sees it, at the
	// byte that opens the first level too deep: the 33rd dot, the 33rd
	// bracket.
	for _, tt := range []struct {
		name, src string
		want      Pos
	}{
		{"long dotted key", strings.Repeat("a.", n) + "b = 1\n", Pos{1, 2 * (MaxDepth + 1)}},
		{"deep nesting", "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n", Pos{1, 4 + MaxDepth + 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewIndex([]byte(tt.src))
			var se *SyntaxError
			if !errors.As(err, &se) || se.Pos != tt.want || !strings.Contains(se.Msg, "nested deeper than 32 levels") {
				t.Fatalf("NewIndex = %v, want a nesting error at %v", err, tt.want)
			}
		})
	}
	t.Run("dotted keys and nesting at the limit", func(t *testing.T) {
		dots := strings.Repeat("a.", MaxDepth) + "b = 1\n"
		p := make(Path, MaxDepth+1)
		for i := range MaxDepth {
			p[i] = "a"
		}
		p[MaxDepth] = "b"
		ix, err := NewIndex([]byte(dots))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := lookup(t, ix, p), (Entry{Kind: KindScalar, Key: Pos{1, 1}, Value: Pos{1, 2*MaxDepth + 5}}); got != want {
			t.Errorf("Lookup = %+v, want %+v", got, want)
		}
		deep := "x = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + "\n"
		if ix, err = NewIndex([]byte(deep)); err != nil {
			t.Fatal(err)
		}
		q := make(Path, MaxDepth)
		q[0] = "x"
		for i := 1; i < MaxDepth; i++ {
			q[i] = 0
		}
		if got, want := lookup(t, ix, q), (Entry{Kind: KindArray, Key: Pos{1, MaxDepth + 4}, Value: Pos{1, MaxDepth + 4}}); got != want {
			t.Errorf("Lookup = %+v, want %+v", got, want)
		}
	})
	t.Run("long line of non-ASCII strings", func(t *testing.T) {
		ix, err := NewIndex([]byte("x = [" + strings.Repeat(`"é",`, n) + "]\n"))
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range []int{0, 1, n / 2, n - 1} {
			if got, want := lookup(t, ix, Path{"x", i}).Value, (Pos{1, 6 + 4*i}); got != want {
				t.Errorf("x[%d] at %v, want %v", i, got, want)
			}
		}
	})
	t.Run("many arrays of tables", func(t *testing.T) {
		ix, err := NewIndex([]byte(strings.Repeat("[[a]]\n[[a.b]]\nc.d = [1, {e = [2]}]\n", n)))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := lookup(t, ix, Path{"a", n - 1, "b", 0, "c", "d", 1, "e", 0}), (Entry{Kind: KindScalar, Key: Pos{3 * n, 17}, Value: Pos{3 * n, 17}}); got != want {
			t.Errorf("Lookup = %+v, want %+v", got, want)
		}
	})
}

// lookup is ix.Lookup(p) that fails the test when p is not found.
func lookup(t *testing.T, ix *Index, p Path) Entry {
	t.Helper()
	e, ok := ix.Lookup(p)
	if !ok {
		t.Fatalf("Lookup(%.60s…) not found", p)
	}
	return e
}

// tomlTestFiles calls f with the name and content of every .toml file under
// the given folder of the toml-test suite, shared beside the repository. It
// skips the test when the suite is absent.
func tomlTestFiles(t *testing.T, folder string, f func(t *testing.T, src []byte)) {
	dir := filepath.Join("..", "..", "..", "shared", "toml-test", folder)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("toml-test suite not found: %v", err)
	}
	n := 0
	err := filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(file) != ".toml" {
			return err
		}
		n++
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(dir, file)
		t.Run(name, func(t *testing.T) { f(t, src) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no .toml files in %s", dir)
	}
}

// TestIndexTOMLTestValid indexes every valid document of the toml-test
// suite, BOM included, and checks the index against go-toml's decoding of
// the same file: the same paths with the same kinds, each positioned on a
// character that can start what it names.
func TestIndexTOMLTestValid(t *testing.T) {
	tomlTestFiles(t, "valid", func(t *testing.T, src []byte) {
		ix, err := NewIndex(src)
		if err != nil {
			t.Fatalf("NewIndex: %v", err)
		}
		checkEntries(t, ix)
		var doc map[string]any
		// go-toml rejects a BOM, which NewIndex accepts.
		if err := pltoml.Unmarshal(bytes.TrimPrefix(src, []byte(utf8BOM)), &doc); err != nil {
			t.Skipf("go-toml cannot decode it to compare: %v", err)
		}
		want := map[string]NodeKind{"": KindTable}
		decodedPaths(want, nil, doc)
		got := entries(ix)
		for p, kind := range want {
			e, ok := got[p]
			switch {
			case !ok:
				t.Errorf("%s: decoded but not indexed", p)
			case e.Kind != kind:
				t.Errorf("%s: kind %d, decoded as %d", p, e.Kind, kind)
			}
		}
		for p := range got {
			if _, ok := want[p]; !ok {
				t.Errorf("%s: indexed but not decoded", p)
			}
		}
	})
}

// TestIndexTOMLTestInvalid indexes every invalid document of the toml-test
// suite. The parser checks syntax only, so some (a key defined twice, a
// table redefined) index fine; the others must give a SyntaxError inside
// the document. None may panic.
func TestIndexTOMLTestInvalid(t *testing.T) {
	tomlTestFiles(t, "invalid", func(t *testing.T, src []byte) {
		ix, err := NewIndex(src)
		if err == nil {
			checkEntries(t, ix)
			return
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("NewIndex error = %v (%T), want *SyntaxError", err, err)
		}
		if lines := bytes.Count(src, []byte{'\n'}) + 1; se.Pos.Line < 1 || se.Pos.Line > lines || se.Pos.Col < 1 {
			t.Errorf("SyntaxError at %v, outside the document's %d lines", se.Pos, lines)
		}
	})
}

// decodedPaths adds the canonical path and kind of v and everything in it.
func decodedPaths(out map[string]NodeKind, p Path, v any) {
	switch v := v.(type) {
	case map[string]any:
		out[p.String()] = KindTable
		for k, x := range v {
			decodedPaths(out, append(p[:len(p):len(p)], k), x)
		}
	case []any:
		out[p.String()] = KindArray
		for i, x := range v {
			decodedPaths(out, append(p[:len(p):len(p)], i), x)
		}
	default:
		out[p.String()] = KindScalar
	}
}

// checkEntries asserts that every node of ix is found by Lookup under its
// path, and is positioned inside the document, on a character that can start
// what it names.
func checkEntries(t *testing.T, ix *Index) {
	t.Helper()
	for id, p := range nodePaths(ix) {
		e := ix.nodes[id]
		if got, ok := ix.Lookup(p); !ok || got != e {
			t.Errorf("Lookup(%s) = %+v, %v; want node %d, %+v", p, got, ok, id, e)
		}
		if id == 0 {
			continue
		}
		key, okKey := charAt(ix, e.Key)
		val, okVal := charAt(ix, e.Value)
		if !okKey || !okVal {
			t.Errorf("%s: %+v is outside the document", p, e)
			continue
		}
		if !strings.ContainsRune(`"'[`, key) && !isBareKeyChar(key) && e.Key != e.Value {
			t.Errorf("%s: key at %v starts with %q", p, e.Key, key)
		}
		switch e.Kind {
		case KindArray:
			if val != '[' {
				t.Errorf("%s: array at %v starts with %q", p, e.Value, val)
			}
		case KindTable:
			if val != '[' && val != '{' && e.Key != e.Value {
				t.Errorf("%s: table at %v starts with %q", p, e.Value, val)
			}
		case KindScalar:
			if strings.ContainsRune(" \t\r\n=,[]{}#", val) {
				t.Errorf("%s: scalar at %v starts with %q", p, e.Value, val)
			}
		default:
			t.Errorf("%s: kind %d", p, e.Kind)
		}
	}
}

// nodePaths rebuilds the path of every node of ix from the trie's edges.
func nodePaths(ix *Index) []Path {
	edges := make([]edge, len(ix.nodes))
	for e, id := range ix.children {
		edges[id] = e
	}
	paths := make([]Path, len(ix.nodes))
	paths[0] = Path{}
	for id := 1; id < len(ix.nodes); id++ { // a parent is added before its children
		e := edges[id]
		var el any = e.name
		if e.index >= 0 {
			el = int(e.index)
		}
		parent := paths[e.parent]
		paths[id] = append(parent[:len(parent):len(parent)], el)
	}
	return paths
}

// entries returns every entry of ix by canonical path.
func entries(ix *Index) map[string]Entry {
	m := make(map[string]Entry, len(ix.nodes))
	for id, p := range nodePaths(ix) {
		m[p.String()] = ix.nodes[id]
	}
	return m
}

func isBareKeyChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

// charAt returns the character at pos, the inverse of PosAt.
func charAt(ix *Index, pos Pos) (rune, bool) {
	if pos.Line < 1 || pos.Col < 1 || pos.Line > len(ix.lines) {
		return 0, false
	}
	line := ix.src[ix.lines[pos.Line-1]:]
	for i, r := range string(line) {
		if r == '\n' {
			break
		}
		if ix.PosAt(ix.lines[pos.Line-1]+i).Col == pos.Col {
			return r, true
		}
	}
	return 0, false
}

// indexedPaths lists the paths of an index, for failure messages.
func indexedPaths(ix *Index) []string { return slices.Sorted(maps.Keys(entries(ix))) }

func BenchmarkNewIndex(b *testing.B) {
	src := []byte(benchModel)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := NewIndex(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	ix, err := NewIndex([]byte(benchModel))
	if err != nil {
		b.Fatal(err)
	}
	p := Path{"relationships", 1, "segments", 0}
	b.ReportAllocs()
	for b.Loop() {
		ix.Lookup(p)
	}
}

// benchModel is a full model of about 120 lines, written in every form the
// format allows.
const benchModel = `# Northbank Private — a complete canvas
name  = "Northbank Private"          # required, free text
stage = "mature"
description = """
A private bank for high-net-worth individuals,
with a named banker for every client."""

[summary]
relationships = "Dedicated personal assistance, one banker per client"

[[segments]]
id       = "hnwi"
name     = "High-net-worth individuals"
market   = "niche"
expects  = ["dedicated_personal_assistance"]
evidence = ["14 client interviews, 2026-09"]

[[segments]]
id       = "heirs"
name     = "Heirs of existing clients"
market   = "segmented"
expects  = [
  "personal_assistance",
  "co_creation",   # they want a say
]

[[value_propositions]]
id       = "wealth-care"
name     = "Wealth kept and grown"
segments = ["hnwi", "heirs"]

[[channels]]
id        = "branch"
name      = "Private branches"
ownership = "owned"
segments  = ["hnwi"]

[[channels]]
id = "app"
name = "Mobile app"
ownership = "owned"
segments = ["heirs"]

[[relationships]]
id                 = "private-banker"
type               = "dedicated_personal_assistance"
segments           = ["hnwi"]
motivations        = ["retention", "upselling"]
channels           = ["branch"]
value_propositions = ["wealth-care"]
resources          = ["bankers"]
activities         = ["advisory"]
partners           = []
costs              = ["banker-salaries"]
cost_level         = "high"
description        = "A named banker for every client"

[[relationships]]
id = "family-office"
type = "co_creation"
segments = [
  "heirs",  # crlint:disable CR103 reviewed in Q3
  "hnwi",
]
motivations = ["acquisition"]
channels = ["app", "branch"]
value_propositions = ["wealth-care"]
resources = ["platform"]
activities = ["workshops"]
costs = ["events"]
cost_level = "medium"
details.cadence = "quarterly"
details.owner   = "head of family office"

[[key_resources]]
id   = "bankers"
name = "Private bankers"
kind = "human"

[[key_resources]]
id = "platform"
name = "Client platform"
kind = "intellectual"

[[key_activities]]
id   = "advisory"
name = "Portfolio reviews"
kind = "problem_solving"

[[key_activities]]
id = "workshops"
name = "Family workshops"
kind = "platform"

key_partners = [
  { id = "brokers", name = "Independent brokers", role = "distributor" },
  { id = "notaries", name = "Notaries", role = "strategic_alliance" },
]

[[revenue_streams]]
id       = "fees"
name     = "Advisory fees"
type     = "subscription"
segments = ["hnwi", "heirs"]

[[costs]]
id   = "banker-salaries"
name = "Banker salaries"
kind = "fixed"

[[costs]]
id = "events"
name = "Workshop events"
kind = "variable"

# Steve Blank's Get / Keep / Grow: one array of tactics per phase.
[[get]]
tactic        = "Referrals from existing clients' accountants"
relationships = ["private-banker"]
segments      = ["hnwi"]
metric        = "30% of new clients"

[[keep]]
tactic        = "Quarterly portfolio review with the named banker"
relationships = ["private-banker", "family-office"]

[[grow]]
tactic        = "Offer estate planning to clients over 60"
relationships = ["private-banker"]

[[competitors]]
name          = "Retail banks"
relationships = ["personal_assistance", "self_service"]
`
