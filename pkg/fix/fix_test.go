package fix

import (
	"bytes"
	"testing"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// finding is a fixable finding over [line:col, line:end).
func finding(line, col, end int, from, to string) report.Finding {
	return report.Finding{Line: line, Column: col, EndLine: line, EndColumn: end, Fix: report.Fix{From: from, To: to}}
}

func TestFor(t *testing.T) {
	src := "[[segmets]]\nk = \"Niche\"\nq = 'Niche'\ntpye.x = 1\n[a.tpye.tpye]\ne = \"N\\u0069che\"\n"
	doc := model.Load("m.toml", []byte(src))
	for _, tc := range []struct {
		name string
		f    report.Finding
		want string // the document after the edit; "" when there is none
	}{
		{"header", finding(1, 1, 12, "segmets", "segments"), "[[segments]]\n"},
		{"double-quoted", finding(2, 5, 12, "Niche", "niche"), "k = \"niche\"\n"},
		{"single-quoted", finding(3, 5, 12, "Niche", "niche"), "q = 'niche'\n"},
		{"dotted key", finding(4, 1, 7, "tpye", "type"), "type.x = 1\n"},
		{"name twice in a header", finding(5, 1, 14, "tpye", "type"), ""},
		{"escapes", finding(6, 5, 17, "Niche", "niche"), ""},
		{"text moved", finding(2, 4, 11, "Niche", "niche"), ""},
		{"no fix", report.Finding{Line: 2, Column: 5, EndLine: 2, EndColumn: 12}, ""},
	} {
		e, ok := For(doc, tc.f)
		if tc.want == "" {
			if ok {
				t.Errorf("%s: got edit %+v, want none", tc.name, e)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: no edit", tc.name)
			continue
		}
		out := Apply(doc.Src, []Edit{e})
		line := out[bytes.LastIndexByte(out[:e.Start], '\n')+1:]
		line = line[:bytes.IndexByte(line, '\n')+1]
		if string(line) != tc.want {
			t.Errorf("%s: line after edit %q, want %q", tc.name, line, tc.want)
		}
		if len(out)-len(src) != len(tc.f.Fix.To)-len(tc.f.Fix.From) {
			t.Errorf("%s: edit changed more than the name", tc.name)
		}
	}
}

func TestEditsDropOverlaps(t *testing.T) {
	doc := model.Load("m.toml", []byte("k = \"Niche\"\n"))
	es := Edits(doc, []report.Finding{finding(1, 5, 12, "Niche", "niche"), finding(1, 5, 12, "Niche", "niche")})
	if len(es) != 1 || es[0] != (Edit{5, 10, "niche"}) {
		t.Errorf("Edits = %+v", es)
	}
}

func TestDiff(t *testing.T) {
	old := []byte("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl")
	new := []byte("a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL")
	var b bytes.Buffer
	if err := Diff(&b, "m.toml", old, new); err != nil {
		t.Fatal(err)
	}
	want := "--- a/m.toml\n+++ b/m.toml\n" +
		"@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n" +
		"@@ -9,4 +9,4 @@\n i\n j\n k\n-l\n\\ No newline at end of file\n+L\n\\ No newline at end of file\n"
	if b.String() != want {
		t.Errorf("Diff =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := Diff(&b, "m.toml", old, old); err != nil || b.Len() != 0 {
		t.Errorf("Diff of equal texts = %q, %v", b.String(), err)
	}
}
