package model

import (
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// LineMap maps one line's characters to byte offsets and UTF-16 units, so
// that a position on a long line is converted without decoding the line
// from its start (which made many findings on one long line quadratic:
// 16,000 on a 150 KB line took 3 s to position, and 2.5 s to publish in the
// language server). The index caches one for each long line it is asked
// about, as does the language server for each version of a document.
type LineMap struct {
	ascii bool
	// For a line that is not ASCII: where each character starts (bytes
	// from the line's start) and the UTF-16 units before it, each with one
	// more entry for the line's end.
	start []int32
	units []int32
}

// NewLineMap maps line (without its line break); nil when it is not valid
// UTF-8, whose positions only decoding gives exactly.
func NewLineMap(line []byte) *LineMap {
	if isASCII(line) {
		return &LineMap{ascii: true}
	}
	if !utf8.Valid(line) {
		return nil
	}
	n := utf8.RuneCount(line)
	m := &LineMap{start: make([]int32, 0, n+1), units: make([]int32, 0, n+1)}
	units := 0
	for off, r := range string(line) {
		m.start = append(m.start, int32(off))
		m.units = append(m.units, int32(units))
		units += utf16.RuneLen(r)
	}
	m.start = append(m.start, int32(len(line)))
	m.units = append(m.units, int32(units))
	return m
}

// Char returns the 0-based index of the character that starts at byte
// off, or the number of characters when off is the line's length; ok is
// false when no character starts there.
func (m *LineMap) Char(off int) (int, bool) {
	if m.ascii {
		return off, off >= 0
	}
	i, found := slices.BinarySearch(m.start, int32(off))
	return i, found
}

// Offset returns the byte offset of the i-th character (0-based), or of
// the line's end for i the number of characters; ok is false past that.
// For an ASCII line, whose length the map does not keep, the caller
// bounds i.
func (m *LineMap) Offset(i int) (int, bool) {
	if m.ascii {
		return i, i >= 0
	}
	if i < 0 || i >= len(m.start) {
		return 0, false
	}
	return int(m.start[i]), true
}

// Units returns the UTF-16 units before the character that starts at byte
// off (the line's total at its end); ok is false when none starts there.
func (m *LineMap) Units(off int) (int, bool) {
	if m.ascii {
		return off, off >= 0
	}
	i, found := slices.BinarySearch(m.start, int32(off))
	if !found {
		return 0, false
	}
	return int(m.units[i]), true
}

// UnitOffset returns the byte offset of the last character that starts at
// or before UTF-16 unit u (a unit inside a surrogate pair stays before its
// character), or of the line's end past its last unit. For an ASCII line
// the caller bounds u.
func (m *LineMap) UnitOffset(u int) int {
	u = max(u, 0)
	if m.ascii {
		return u
	}
	k, _ := slices.BinarySearch(m.units, int32(u)+1)
	return int(m.start[k-1])
}
