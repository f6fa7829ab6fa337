package lsp

import (
	"bytes"
	"fmt"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crlint/crlint/pkg/model"
)

// text is a document's content with its line starts, converting between
// byte offsets, the protocol's UTF-16 positions and the model's positions
// (1-based lines, columns counting characters after a leading BOM).
type text struct {
	src   []byte
	lines []int // offset where each line starts
	// long caches the maps of long lines (see longLine, model.LineMap).
	mu   sync.Mutex
	long map[int]*model.LineMap
}

// longLine is the map of line i when it is long enough to need one (over
// longLineBytes) and valid UTF-8; nil otherwise, when decoding from the
// start is cheap or the only exact way.
func (t *text) longLine(i int) *model.LineMap {
	from, end := t.lines[i], t.lineEnd(i)
	if end-from <= longLineBytes || (i == 0 && bytes.HasPrefix(t.src, []byte(utf8BOM))) {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if m, ok := t.long[i]; ok {
		return m
	}
	m := model.NewLineMap(t.src[from:end])
	if t.long == nil {
		t.long = map[int]*model.LineMap{}
	}
	t.long[i] = m
	return m
}

// longLineBytes is the length past which a line's characters are mapped
// once rather than decoded for each conversion.
const longLineBytes = 256

const utf8BOM = "\xef\xbb\xbf"

func newText(src []byte) *text {
	t := &text{src: src, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// lineEnd is the offset of the line break ending line i (0-based), or the
// end of the text.
func (t *text) lineEnd(i int) int {
	end := len(t.src)
	if i+1 < len(t.lines) {
		end = t.lines[i+1] - 1
	}
	if end > t.lines[i] && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// offset converts a protocol position to a byte offset, clamped to the
// line (a character past its end is its end) and to the text.
func (t *text) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.lines) {
		return len(t.src)
	}
	off, end := t.lines[p.Line], t.lineEnd(p.Line)
	if m := t.longLine(p.Line); m != nil {
		return min(off+m.UnitOffset(p.Character), end)
	}
	for units := 0; units < p.Character && off < end; {
		r, n := utf8.DecodeRune(t.src[off:end])
		units += utf16.RuneLen(max(r, 0))
		if units > p.Character {
			break // inside a surrogate pair: stay before the character
		}
		off += n
	}
	return off
}

// position converts a byte offset to a protocol position.
func (t *text) position(off int) Position {
	off = max(0, min(off, len(t.src)))
	line, hi := 0, len(t.lines)
	for hi-line > 1 {
		mid := (line + hi) / 2
		if t.lines[mid] <= off {
			line = mid
		} else {
			hi = mid
		}
	}
	if end := t.lineEnd(line); off <= end {
		if m := t.longLine(line); m != nil {
			if u, ok := m.Units(off - t.lines[line]); ok {
				return Position{Line: line, Character: u}
			}
		}
	}
	units := 0
	for i := t.lines[line]; i < off; {
		r, n := utf8.DecodeRune(t.src[i:off])
		units += utf16.RuneLen(max(r, 0))
		i += n
	}
	return Position{Line: line, Character: units}
}

// span converts byte offsets to a protocol range.
func (t *text) span(start, end int) Range {
	return Range{t.position(start), t.position(end)}
}

// modelOffset converts a model position (columns count characters, a BOM
// is not one) to a byte offset.
func (t *text) modelOffset(p model.Pos) int {
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(t.lines) {
		return len(t.src)
	}
	off, end := t.lines[p.Line-1], t.lineEnd(p.Line-1)
	if m := t.longLine(p.Line - 1); m != nil && p.Col >= 1 {
		if i, ok := m.Offset(p.Col - 1); ok {
			return min(off+i, end)
		}
		return end // past the line's last character
	}
	if p.Line == 1 && bytes.HasPrefix(t.src, []byte(utf8BOM)) {
		off += 3
	}
	for col := 1; col < p.Col && off < end; col++ {
		_, n := utf8.DecodeRune(t.src[off:end])
		off += n
	}
	return off
}

// modelRange converts a finding's model range to a protocol range.
func (t *text) modelRange(start, end model.Pos) Range {
	return Range{t.position(t.modelOffset(start)), t.position(t.modelOffset(end))}
}

// apply applies one content change.
func (t *text) apply(c TextDocumentContentChangeEvent) (*text, error) {
	if c.Range == nil {
		return newText([]byte(c.Text)), nil
	}
	start, end := t.offset(c.Range.Start), t.offset(c.Range.End)
	if end < start {
		return nil, fmt.Errorf("change range ends before it starts: %+v", *c.Range)
	}
	src := make([]byte, 0, len(t.src)-(end-start)+len(c.Text))
	src = append(src, t.src[:start]...)
	src = append(src, c.Text...)
	src = append(src, t.src[end:]...)
	return newText(src), nil
}

// outsideStrings calls fn with each byte of a line that lies outside its
// strings (quotes excluded), until fn returns false. It returns the quote
// of a string the line leaves open, and where that string's content
// starts; open is 0 when every string is closed.
func outsideStrings(line []byte, fn func(c byte) bool) (open byte, start int) {
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case open == 0 && (c == '"' || c == '\''):
			open, start = c, i+1
		case open == 0:
			if !fn(c) {
				return 0, 0
			}
		case open == '"' && c == '\\':
			i++ // an escaped character, perhaps a quote
		case c == open:
			open = 0
		}
	}
	return open, start
}
