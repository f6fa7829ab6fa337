package model

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Pos is a 1-based line and column; Col counts characters (runes), tabs count as one.
type Pos struct{ Line, Col int }

// NodeKind says what a path names.
type NodeKind int

const (
	// KindScalar is a string, bool, number or date.
	KindScalar NodeKind = iota + 1
	// KindArray is an array value (key = [...]) or an array of tables ([[key]]).
	KindArray
	// KindTable is a table: [header], dotted-key implicit table, inline
	// table, or an element of [[array]] or an inline table inside an array.
	KindTable
)

// Entry is where one path is written.
type Entry struct {
	Kind NodeKind
	// Key is where the key is written: the start of the whole key, also for
	// every table a dotted key defines on the way; a header's first '['; for
	// array elements, which have no key, the same as Value.
	Key Pos
	// Value is where the value starts: a scalar's first character (a
	// string's opening quote), an array's '[', an inline table's '{', a
	// header's first '['. A table defined only by a dotted key has no value
	// of its own: its Value is its Key.
	Value Pos
}

// Comment is one comment in the document.
type Comment struct {
	Pos     Pos    // position of the '#'
	Text    string // the comment text after '#', untrimmed
	OwnLine bool   // true when nothing but whitespace precedes it on its line
}

// SyntaxError is a document the TOML parser rejects, positioned where it
// failed.
type SyntaxError struct {
	Pos Pos
	Msg string
}

// Error renders the error as "line:col: msg".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
}

// Path is a key path into a document: string keys and int array indices,
// e.g. Path{"relationships", 2, "segments", 1}.
type Path []any

// String returns the canonical form of the path, e.g.
// relationships[2].segments[1]. Keys that are not bare ([A-Za-z0-9_-]+) are
// quoted like TOML basic strings ("a.b"); the empty path is "". An element
// that is neither a string nor an int is rendered as [%v].
func (p Path) String() string {
	b, _ := p.appendTo(nil)
	return string(b)
}

// appendTo appends the canonical form of p to b. ok is false when p holds an
// element that is neither a string nor an int, which no document defines.
func (p Path) appendTo(b []byte) (_ []byte, ok bool) {
	ok = true
	for _, el := range p {
		switch v := el.(type) {
		case string:
			b = appendPathKey(b, v)
		case int:
			b = appendPathIndex(b, v)
		default:
			b = fmt.Appendf(b, "[%v]", v)
			ok = false
		}
	}
	return b, ok
}

// appendPathKey appends key k, with its leading dot unless b is the empty
// root path. It is generic so that the index appends the parser's []byte keys
// without converting them to strings, with exactly the rendering Path uses.
func appendPathKey[S ~string | ~[]byte](b []byte, k S) []byte {
	if len(b) > 0 {
		b = append(b, '.')
	}
	bare := len(k) > 0
	for i := 0; i < len(k) && bare; i++ {
		c := k[i]
		bare = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
	}
	if bare {
		return append(b, k...)
	}
	b = append(b, '"')
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\t':
			b = append(b, `\t`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c < 0x20 || c == 0x7f:
			b = fmt.Appendf(b, `\u%04X`, c)
		default:
			b = append(b, c) // multi-byte runes are copied byte by byte
		}
	}
	return append(b, '"')
}

// appendPathIndex appends array index i as [i].
func appendPathIndex(b []byte, i int) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	return append(b, ']')
}

// Index holds the positions of every path in one document. A nil *Index is
// valid and finds nothing.
type Index struct {
	entries  map[string]Entry // by canonical path (Path.String)
	comments []Comment
	src      []byte // the document as given, BOM included
	lines    []int  // byte offset in src where each line starts
}

// utf8BOM is the byte-order mark a document may start with.
const utf8BOM = "\xef\xbb\xbf"

// NewIndex parses src and indexes every path it defines, in one pass over the
// parser's AST. src may start with a UTF-8 BOM, which is not counted as a
// column, and may use CRLF line endings. The index keeps src (for PosAt), so
// src must not be modified afterwards. On a syntax error NewIndex returns a
// *SyntaxError positioned where the parser failed.
func NewIndex(src []byte) (*Index, error) {
	skip := 0
	if bytes.HasPrefix(src, []byte(utf8BOM)) {
		// The parser rejects a BOM; it is not part of the TOML text.
		skip = len(utf8BOM)
	}
	ix := &Index{src: src, lines: lineStarts(src, skip)}
	b := indexBuilder{ix: ix, data: src[skip:], skip: skip}
	b.grow()
	p := unstable.Parser{KeepComments: true}
	p.Reset(b.data)
	for p.NextExpression() {
		b.expression(p.Expression())
	}
	if err := p.Error(); err != nil {
		return nil, b.syntaxError(err)
	}
	b.finish()
	return ix, nil
}

// grow sizes the builder's buffers for the document up front, so that a
// typical model needs no regrowth: about one and a half paths a line, a few
// dozen bytes each, and at most one comment per '#'.
func (b *indexBuilder) grow() {
	lines := len(b.ix.lines)
	b.recs = make([]entryRec, 0, lines*3/2+8)
	b.keys = make([]byte, 0, 32*lines+64)
	if n := bytes.Count(b.data, []byte{'#'}); n > 0 {
		b.ix.comments = make([]Comment, 0, n)
		b.texts = make([]span, 0, n)
	}
	scratch := make([]byte, 0, 256)
	b.path, b.table = scratch[:0:128], scratch[128:128]
}

// lineStarts returns the offset where each line of src starts; the first
// line starts after the BOM, if any.
func lineStarts(src []byte, skip int) []int {
	lines := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	lines[0] = skip
	for off := skip; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return lines
		}
		off += i + 1
		lines = append(lines, off)
	}
}

// Lookup returns where the path is written. The empty path is the document
// itself, at 1:1. When a path is written twice (invalid TOML), the first
// occurrence is kept.
func (ix *Index) Lookup(p Path) (Entry, bool) {
	if ix == nil {
		return Entry{}, false
	}
	// A stack buffer and the map's string(bytes) lookup keep Lookup free of
	// allocations for ordinary paths.
	var buf [128]byte
	k, ok := p.appendTo(buf[:0])
	if !ok {
		return Entry{}, false
	}
	e, ok := ix.entries[string(k)]
	return e, ok
}

// Comments returns the document's comments in order. The slice is shared:
// callers must not modify it.
func (ix *Index) Comments() []Comment {
	if ix == nil {
		return nil
	}
	return ix.comments
}

// PosAt converts a byte offset in src to a Pos. Offsets are clamped to the
// document; an offset inside the BOM is 1:1. A nil index gives 1:1.
func (ix *Index) PosAt(offset int) Pos {
	if ix == nil {
		return Pos{1, 1}
	}
	offset = max(0, min(offset, len(ix.src)))
	// The last line starting at or before offset.
	lo, hi := 0, len(ix.lines)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if ix.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	start := ix.lines[lo]
	offset = max(offset, start) // inside the BOM
	return Pos{Line: lo + 1, Col: runeCount(ix.src[start:offset]) + 1}
}

// runeCount counts the runes of b, with a fast path for ASCII, which is what
// almost every line of a model holds before the position looked for.
func runeCount(b []byte) int {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return i + utf8.RuneCount(b[i:])
		}
	}
	return len(b)
}

// indexBuilder walks the parser's AST once and records every path.
//
// The parser gives byte ranges (Raw) to keys, scalars, comments, key/value
// expressions and the '{' of inline tables, but none to table headers or
// arrays, nor the end of inline tables. Those positions are derived from the
// ranges that exist: a header's '[' is found by stepping back from its first
// key over blanks; an array's '[' by stepping forward from the end of the
// key over " = " or, inside an array, from the end of the previous element
// over blanks, newlines, commas and comments. To know where an element ends,
// value returns the offset just past each value it walks.
type indexBuilder struct {
	ix   *Index
	data []byte // src without its BOM: what the parser reads
	skip int    // len(src) - len(data)

	path  []byte // canonical path being written
	table []byte // canonical path of the current [table] or [[array]] element

	// Paths and comment texts are appended back to back to keys and become
	// substrings of one string at the end: two allocations instead of one
	// per path.
	keys  []byte
	recs  []entryRec
	texts []span // Text of ix.comments[i] is keys[texts[i]]

	// arrays maps the canonical path of each array of tables to its index in
	// counts, the number of elements it has so far. A model has about a
	// dozen, so their keys are simply allocated.
	arrays map[string]int
	counts []int
}

// span is a range of bytes in indexBuilder.keys.
type span struct{ start, end int32 }

func newSpan(start, end int) span {
	return span{int32(start), int32(end)} //nolint:gosec // the parser itself limits documents to 4 GiB
}

// entryRec is an entry whose path is keys[path].
type entryRec struct {
	path span
	e    Entry
}

// pos converts an offset in data to a Pos.
func (b *indexBuilder) pos(off int) Pos { return b.ix.PosAt(off + b.skip) }

// emit records e under the current path.
func (b *indexBuilder) emit(kind NodeKind, key, value Pos) {
	start := len(b.keys)
	b.keys = append(b.keys, b.path...)
	b.recs = append(b.recs, entryRec{newSpan(start, len(b.keys)), Entry{Kind: kind, Key: key, Value: value}})
}

// expression indexes one top-level expression and its trailing comment.
func (b *indexBuilder) expression(n *unstable.Node) {
	switch n.Kind {
	case unstable.Comment:
		b.comment(n)
	case unstable.KeyValue:
		b.path = append(b.path[:0], b.table...)
		b.keyValue(n)
	case unstable.Table, unstable.ArrayTable:
		b.header(n)
	}
	// The parser hangs a comment that ends the line off the expression.
	if c := n.Next(); c != nil && c.Kind == unstable.Comment {
		b.comment(c)
	}
}

// header indexes a [table] or [[array]] header and makes it the table that
// the following key/values belong to.
func (b *indexBuilder) header(n *unstable.Node) {
	first := n.Child()
	if first == nil {
		return
	}
	// The header has no range: its '[' precedes the first key, separated
	// only by spaces or tabs; '[[' is always written without a gap.
	open := int(first.Raw.Offset) - 1
	for open > 0 && (b.data[open] == ' ' || b.data[open] == '\t') {
		open--
	}
	isArray := n.Kind == unstable.ArrayTable
	if isArray && open > 0 && b.data[open-1] == '[' {
		open--
	}
	at := b.pos(open)

	b.path = b.path[:0]
	for it := n.Key(); it.Next(); {
		b.path = appendPathKey(b.path, it.Node().Data)
		idx, seen := b.arrays[string(b.path)]
		switch {
		case !it.IsLast():
			// A parent that is an array of tables means its latest element.
			if seen {
				b.path = appendPathIndex(b.path, b.counts[idx]-1)
			} else {
				b.emit(KindTable, at, at)
			}
		case !isArray:
			b.emit(KindTable, at, at)
		default:
			if !seen {
				b.emit(KindArray, at, at)
				if b.arrays == nil {
					b.arrays = make(map[string]int, 16)
					b.counts = make([]int, 0, 16)
				}
				idx = len(b.counts)
				b.arrays[string(b.path)] = idx
				b.counts = append(b.counts, 0)
			}
			b.path = appendPathIndex(b.path, b.counts[idx])
			b.counts[idx]++
			b.emit(KindTable, at, at)
		}
	}
	b.table = append(b.table[:0], b.path...)
}

// keyValue indexes a key/value under the current path. It leaves b.path
// extended by the key.
func (b *indexBuilder) keyValue(kv *unstable.Node) {
	val := kv.Value()
	if val == nil {
		return // the parser never builds one, but a nil value must not panic
	}
	var at Pos
	keyEnd := 0
	for it := kv.Key(); it.Next(); {
		k := it.Node()
		if keyEnd == 0 {
			at = b.pos(int(k.Raw.Offset))
		}
		keyEnd = int(k.Raw.Offset + k.Raw.Length)
		b.path = appendPathKey(b.path, k.Data)
		if !it.IsLast() {
			b.emit(KindTable, at, at) // a table the dotted key defines
		}
	}
	start := startOf(val, -1)
	if start < 0 {
		// An array: the value follows the key's " = ".
		start = skipBlanks(b.data, keyEnd)
		if start < len(b.data) && b.data[start] == '=' {
			start = skipBlanks(b.data, start+1)
		}
	}
	b.emit(kindOf(val), at, b.pos(start))
	b.value(val, start)
}

// value indexes the elements of an array or the key/values of an inline
// table v, which starts at offset start, under the current path. It returns
// the offset just past v.
func (b *indexBuilder) value(v *unstable.Node, start int) int {
	n := len(b.path)
	switch v.Kind {
	case unstable.Array:
		end, i := start+1, 0
		for c := v.Child(); c != nil; c = c.Next() {
			if c.Kind == unstable.Comment {
				end = b.commentRun(c)
				continue
			}
			s := startOf(c, -1)
			if s < 0 {
				s = skipTrivia(b.data, end)
			}
			at := b.pos(s)
			b.path = appendPathIndex(b.path[:n], i)
			b.emit(kindOf(c), at, at)
			end = b.value(c, s)
			i++
		}
		b.path = b.path[:n]
		return closeAfter(b.data, end, ']')
	case unstable.InlineTable:
		end := start + 1
		for c := v.Child(); c != nil; c = c.Next() {
			switch c.Kind {
			case unstable.Comment:
				end = b.commentRun(c)
			case unstable.KeyValue:
				b.path = b.path[:n]
				b.keyValue(c)
				end = int(c.Raw.Offset + c.Raw.Length)
			}
		}
		b.path = b.path[:n]
		return closeAfter(b.data, end, '}')
	default:
		return int(v.Raw.Offset + v.Raw.Length)
	}
}

// startOf returns the offset where v starts, or def when the parser gave v
// no range (arrays).
func startOf(v *unstable.Node, def int) int {
	if v.Kind == unstable.Array || v.Raw.Length == 0 {
		return def
	}
	return int(v.Raw.Offset)
}

// kindOf classifies a value node.
func kindOf(v *unstable.Node) NodeKind {
	switch v.Kind {
	case unstable.Array:
		return KindArray
	case unstable.InlineTable:
		return KindTable
	default:
		return KindScalar
	}
}

// commentRun records a comment inside an array or inline table, and the
// comments the parser hangs off it (the rest of a run of consecutive
// comments). It returns the offset just past the last one.
func (b *indexBuilder) commentRun(c *unstable.Node) int {
	end := b.comment(c)
	for x := c.Child(); x != nil; x = x.Next() {
		end = b.comment(x)
	}
	return end
}

// comment records comment c and returns the offset just past it.
func (b *indexBuilder) comment(c *unstable.Node) int {
	off := int(c.Raw.Offset)
	ownLine := true
	for i := off - 1; i >= 0 && b.data[i] != '\n'; i-- {
		if b.data[i] != ' ' && b.data[i] != '\t' {
			ownLine = false
			break
		}
	}
	start := len(b.keys)
	if len(c.Data) > 0 {
		b.keys = append(b.keys, c.Data[1:]...) // without the '#'
	}
	b.texts = append(b.texts, newSpan(start, len(b.keys)))
	b.ix.comments = append(b.ix.comments, Comment{Pos: b.pos(off), OwnLine: ownLine})
	return off + int(c.Raw.Length)
}

// finish turns the records into the index's map, keeping the first entry of
// a path written twice.
func (b *indexBuilder) finish() {
	all := string(b.keys)
	m := make(map[string]Entry, len(b.recs)+1)
	m[""] = Entry{Kind: KindTable, Key: Pos{1, 1}, Value: Pos{1, 1}}
	for _, r := range b.recs {
		k := all[r.path.start:r.path.end]
		if _, dup := m[k]; !dup {
			m[k] = r.e
		}
	}
	b.ix.entries = m
	for i, t := range b.texts {
		b.ix.comments[i].Text = all[t.start:t.end]
	}
}

// syntaxError positions a parser error.
func (b *indexBuilder) syntaxError(err error) *SyntaxError {
	var pe *unstable.ParserError
	if !errors.As(err, &pe) {
		return &SyntaxError{Pos: Pos{1, 1}, Msg: err.Error()}
	}
	// The highlight is a subslice of data: its offset is the difference of
	// the capacities, as unstable.Parser.Range computes it.
	off := max(0, min(cap(b.data)-cap(pe.Highlight), len(b.data)))
	return &SyntaxError{Pos: b.pos(off), Msg: pe.Message}
}

// skipBlanks returns the offset of the first byte at or after off that is
// not a space or a tab.
func skipBlanks(data []byte, off int) int {
	for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
		off++
	}
	return off
}

// skipTrivia returns the offset of the first byte at or after off that is
// not whitespace, a newline, a comma or part of a comment: what may separate
// array elements. off must lie between two tokens, never inside a string.
func skipTrivia(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		case '#':
			i := bytes.IndexByte(data[off:], '\n')
			if i < 0 {
				return len(data)
			}
			off += i
		default:
			return off
		}
	}
	return off
}

// closeAfter returns the offset just past the closing delimiter that follows
// off after trivia.
func closeAfter(data []byte, off int, delim byte) int {
	off = skipTrivia(data, off)
	if off < len(data) && data[off] == delim {
		off++
	}
	return off
}
