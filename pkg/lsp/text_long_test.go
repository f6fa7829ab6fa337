package lsp

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crlint/crlint/pkg/model"
)

// slowText is text without the maps of long lines: every conversion
// decodes its line from the start, as first written.
func slowText(src []byte) *text {
	t := newText(src)
	t.long = map[int]*model.LineMap{}
	for i := range t.lines {
		t.long[i] = nil
	}
	return t
}

// TestLongLinesMatchDecoding compares the conversions on long lines (ASCII,
// with two- and four-byte characters, CRLF, a BOM) with decoding from the
// line's start, at every offset, UTF-16 unit and column.
func TestLongLinesMatchDecoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	pieces := []string{"a", "x = ", "\"", "é", "大", "😀", " ", "\t", "\r\n", "\n"}
	for doc := range 40 {
		var b strings.Builder
		if doc%4 == 0 {
			b.WriteString(utf8BOM)
		}
		for range 1500 {
			p := pieces[rng.IntN(len(pieces))]
			if (p == "\n" || p == "\r\n") && rng.IntN(400) > 0 {
				p = "b"
			}
			if doc%3 == 0 && p[0] >= utf8.RuneSelf {
				p = "c"
			}
			b.WriteString(p)
		}
		src := []byte(b.String())
		fast, slow := newText(src), slowText(src)
		for off := 0; off <= len(src); off++ {
			if got, want := fast.position(off), slow.position(off); got != want {
				t.Fatalf("document %d: position(%d) = %v, decoding gives %v", doc, off, got, want)
			}
		}
		for line := 0; line < len(fast.lines); line++ {
			n := fast.lineEnd(line) - fast.lines[line]
			for c := -1; c <= n*2+2; c++ {
				p := Position{Line: line, Character: c}
				if got, want := fast.offset(p), slow.offset(p); got != want {
					t.Fatalf("document %d: offset(%v) = %d, decoding gives %d", doc, p, got, want)
				}
				mp := model.Pos{Line: line + 1, Col: c}
				if got, want := fast.modelOffset(mp), slow.modelOffset(mp); got != want {
					t.Fatalf("document %d: modelOffset(%v) = %d, decoding gives %d", doc, mp, got, want)
				}
			}
		}
		if doc%3 != 0 && !utf8.Valid(src) {
			t.Fatal("invalid test document")
		}
	}
}
