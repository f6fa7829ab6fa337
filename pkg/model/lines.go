package model

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// lineTable converts byte offsets of a source to 1-based line and character
// columns. A leading BOM is not a column; a '\r' before '\n' ends its line.
type lineTable struct {
	src    []byte
	starts []int // byte offset where each line starts
}

func newLineTable(src []byte) *lineTable {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	if bytes.HasPrefix(src, bom) {
		starts[0] = len(bom)
	}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineTable{src: src, starts: starts}
}

// pos returns the position of byte offset off.
func (t *lineTable) pos(off int) Pos {
	off = max(0, min(off, len(t.src)))
	line := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	line = max(line, 0)
	start := t.starts[line]
	if off < start { // inside the BOM
		off = start
	}
	return Pos{Line: line + 1, Col: utf8.RuneCount(t.src[start:off]) + 1}
}

// posAtRow returns the position of the byteCol-th byte (1-based) of a row.
func (t *lineTable) posAtRow(row, byteCol int) Pos {
	if row < 1 || row > len(t.starts) {
		return Pos{1, 1}
	}
	return t.pos(t.starts[row-1] + max(byteCol-1, 0))
}
