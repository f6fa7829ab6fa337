package model

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// slowPosAt and slowOffset are PosAt and Offset as first written, decoding
// the line from its start: the reference for the cached columns.
func slowPosAt(ix *Index, offset int) Pos {
	line, start := ix.line(offset)
	offset = max(start, min(offset, len(ix.src)))
	for offset > start && offset < len(ix.src) && !utf8.RuneStart(ix.src[offset]) {
		offset--
	}
	return Pos{Line: line + 1, Col: runeCount(ix.src[start:offset]) + 1}
}

func slowOffset(ix *Index, p Pos) (int, bool) {
	if p.Line < 1 || p.Line > len(ix.lines) || p.Col < 1 {
		return 0, false
	}
	off, end := ix.lines[p.Line-1], ix.lineEnd(p.Line)
	for col := 1; col < p.Col; col++ {
		if off >= end {
			return 0, false
		}
		_, n := utf8.DecodeRune(ix.src[off:end])
		off += n
	}
	return off, true
}

// TestColumnsMatchDecoding compares PosAt and Offset with decoding from the
// line's start, on every offset and column of documents with long lines of
// ASCII, of other characters, with CRLF endings and a BOM.
func TestColumnsMatchDecoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 7))
	pieces := []string{"a", "x = ", "\"", "é", "大", "😀", " ", "\t", "\r\n", "\n", "#"}
	for doc := range 60 {
		var b strings.Builder
		if doc%5 == 0 {
			b.WriteString(utf8BOM)
		}
		for range 400 + rng.IntN(400) {
			p := pieces[rng.IntN(len(pieces))]
			if (p == "\n" || p == "\r\n") && rng.IntN(40) > 0 {
				p = "b" // long lines
			}
			if doc%3 == 0 && p != "\n" && p != "\r\n" && p[0] >= utf8.RuneSelf {
				p = "c" // some documents all ASCII
			}
			b.WriteString(p)
		}
		src := []byte(b.String())
		ix := lineIndex(src)
		for off := 0; off <= len(src); off++ {
			if got, want := ix.PosAt(off), slowPosAt(ix, off); got != want {
				t.Fatalf("document %d: PosAt(%d) = %v, decoding gives %v", doc, off, got, want)
			}
		}
		for line := 1; line <= len(ix.lines)+1; line++ {
			for col := 1; col <= 1200; col++ {
				got, gotOK := ix.Offset(Pos{line, col})
				want, wantOK := slowOffset(ix, Pos{line, col})
				if got != want || gotOK != wantOK {
					t.Fatalf("document %d: Offset(%d:%d) = %d, %v; decoding gives %d, %v", doc, line, col, got, gotOK, want, wantOK)
				}
				if !wantOK {
					break
				}
			}
		}
	}
}

// TestExcerpt: a short line is quoted whole; a long one around the column,
// the same with characters of any width.
func TestExcerpt(t *testing.T) {
	short := Load("m.toml", []byte("name = \"x\"\n"))
	if text, cut, more := short.Excerpt(1, 3); text != `name = "x"` || cut != 0 || more {
		t.Errorf("short line: %q, %d, %v", text, cut, more)
	}
	for _, ch := range []string{"a", "é", "大"} {
		line := "x = \"" + strings.Repeat(ch, 1000) + "\""
		doc := Load("m.toml", []byte(line+"\n"))
		text, cut, more := doc.Excerpt(1, 500)
		if cut != 500-excerptLead-1 || !more || text != strings.Repeat(ch, excerptWidth) {
			t.Errorf("%q: excerpt at 500 = %q…, cut %d, more %v", ch, text[:min(len(text), 12)], cut, more)
		}
		text, cut, more = doc.Excerpt(1, 1000)
		if want := strings.Repeat(ch, 1005-(1000-excerptLead)+1) + "\""; text != want || cut != 1000-excerptLead-1 || more {
			t.Errorf("%q: excerpt near the end = %q, cut %d, more %v; want %q", ch, text, cut, more, want)
		}
		if text, cut, _ := doc.Excerpt(1, 3); cut != 0 || !strings.HasPrefix(text, "x = \"") {
			t.Errorf("%q: excerpt at the start = %q, cut %d", ch, text, cut)
		}
	}
}
