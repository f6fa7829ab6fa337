package model

import (
	"slices"
	"unicode/utf8"
)

// Range is where a finding or a token lies: from Start to End, End
// exclusive (the position just past the last character). An empty range
// (Start == End) points between two characters, as a finding about
// something absent from the file does.
type Range struct{ Start, End Pos }

// End returns the position just past the token that starts at p: the key,
// value or header written there (a dotted key as a whole, a string with its
// quotes, an array to its ']', a header to its last ']'). It returns p when
// no token starts there.
func (ix *Index) End(p Pos) Pos {
	if ix == nil {
		return p
	}
	off, ok := ix.Offset(p)
	if !ok {
		return p
	}
	i, found := slices.BinarySearchFunc(ix.tokens, off, func(s Span, off int) int { return s.Start - off })
	if !found {
		return p
	}
	return ix.PosAt(ix.tokens[i].End)
}

// Offset returns the byte offset in the document of position p; ok is false
// when the document has no such line or the line no such column (the column
// just past a line's last character is on the line).
func (ix *Index) Offset(p Pos) (int, bool) {
	if ix == nil || p.Line < 1 || p.Line > len(ix.lines) || p.Col < 1 {
		return 0, false
	}
	off, end := ix.lines[p.Line-1], ix.lineEnd(p.Line)
	if p.Col > 64 {
		if m := ix.lineMap(p.Line-1, off, end); m != nil {
			i, ok := m.Offset(p.Col - 1)
			if !ok || off+i > end {
				return 0, false
			}
			return off + i, true
		}
	}
	for col := 1; col < p.Col; col++ {
		if off >= end {
			return 0, false
		}
		_, n := utf8.DecodeRune(ix.src[off:end])
		off += n
	}
	return off, true
}

// lineEnd returns the offset of the line ending of the n-th line (1-based),
// or the end of the document for the last line.
func (ix *Index) lineEnd(n int) int {
	end := len(ix.src)
	if n < len(ix.lines) {
		end = ix.lines[n] - 1
	}
	if end > ix.lines[n-1] && ix.src[end-1] == '\r' && end < len(ix.src) {
		end--
	}
	return end
}

// Node is one written path, with the extent of its key and of its value.
// For an array element, and for a table its header defines, Key and Value
// are the same span.
type Node struct {
	Path  Path
	Entry Entry
	Key   Span
	Value Span
}

// Nodes lists every written path of the document, in the order written. It
// rebuilds the paths from the index, so callers that need them often should
// keep the result.
func (ix *Index) Nodes() []Node {
	if ix == nil {
		return nil
	}
	type link struct {
		parent int32
		el     any
	}
	links := make([]link, len(ix.nodes))
	for e, id := range ix.children {
		var el any = e.name
		if e.index >= 0 {
			el = int(e.index)
		}
		links[id] = link{e.parent, el}
	}
	paths := make([]Path, len(ix.nodes))
	paths[0] = Path{}
	out := make([]Node, 0, len(ix.nodes))
	for id := range ix.nodes {
		if id > 0 {
			l := links[id]
			// A node is always created after its parent.
			parent := paths[l.parent]
			paths[id] = append(parent[:len(parent):len(parent)], l.el)
		}
		out = append(out, Node{Path: paths[id], Entry: ix.nodes[id], Key: ix.spans[id].key, Value: ix.spans[id].value})
	}
	return out
}

// Src returns the document the index was built from. The slice is shared:
// callers must not modify it.
func (ix *Index) Src() []byte {
	if ix == nil {
		return nil
	}
	return ix.src
}

// Range returns the range a finding about path p shows: from where Locate
// points to the end of the token written there (SPEC §5), or an empty range
// at 1:1 for a path nothing of which is written.
func (d *Document) Range(p Path, at Target) Range {
	start := d.Locate(p, at)
	if start == (Pos{1, 1}) && !d.anyWritten(p) {
		return Range{start, start}
	}
	return Range{start, d.Index().End(start)}
}

// anyWritten reports whether some leading part of p is written, so that
// Locate found something to point at rather than falling back to 1:1.
func (d *Document) anyWritten(p Path) bool {
	ix := d.Index()
	for n := len(p); n > 0; n-- {
		if _, ok := ix.Lookup(p[:n]); ok {
			return true
		}
		if _, ok := ix.Lookup(append(p[:n:n], 0)); ok {
			return true
		}
	}
	return false
}
