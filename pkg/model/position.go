package model

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	// every table a dotted key defines on the way; a key inside a header at
	// its first character; for array elements, which have no key, the same
	// as Value.
	Key Pos
	// Value is where the value starts: a scalar's first character (a
	// string's opening quote), an array's '[', an inline table's '{', a
	// header's first '['. A table defined only by a dotted key has no value
	// of its own: its Value is its Key.
	Value Pos
	// Blank is true for a string value of a key that holds only white
	// space: a field written but empty, which findings point at by its key.
	Blank bool
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
	var b []byte
	for _, el := range p {
		switch v := el.(type) {
		case string:
			b = appendPathKey(b, v)
		case int:
			b = append(strconv.AppendInt(append(b, '['), int64(v), 10), ']')
		default:
			b = fmt.Appendf(b, "[%v]", v)
		}
	}
	return string(b)
}

// appendPathKey appends key k, with its leading dot unless b is the empty
// root path.
func appendPathKey(b []byte, k string) []byte {
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

// Index holds the positions of every path in one document. It is read-only
// once built, so safe for concurrent use. A nil *Index is valid and finds
// nothing.
//
// The paths form a trie: node 0 is the document, and every other node is
// reached from its parent by one key or array index. Lookup walks a Path
// through it, one map lookup an element, without building a string. Unlike
// a map keyed by whole path strings, memory stays linear in the document:
// the paths of a long dotted key or of deeply nested arrays share prefixes.
type Index struct {
	nodes    []Entry        // by node id
	children map[edge]int32 // node ids by parent and key or index
	comments []Comment
	src      []byte // the document as given, BOM included
	text     string // src as a string, made once: quoted lines are substrings of it
	lines    []int  // byte offset in src where each line starts
	// spans holds the extent of each node's key and value, by node id (see
	// Nodes); tokens the extent of every key, value and header written,
	// ordered by start (see End).
	spans  []nodeSpans
	tokens []Span
	// columns caches the maps of the long lines positions are asked on
	// (see LineMap).
	colMu   sync.Mutex
	columns map[int]*LineMap
}

// lineMap returns the map of line (0-based), which starts at start and
// ends at end, made once; nil for a line that is not valid UTF-8.
func (ix *Index) lineMap(line, start, end int) *LineMap {
	ix.colMu.Lock()
	defer ix.colMu.Unlock()
	if m, ok := ix.columns[line]; ok {
		return m
	}
	m := NewLineMap(ix.src[start:end])
	if ix.columns == nil {
		ix.columns = map[int]*LineMap{}
	}
	ix.columns[line] = m
	return m
}

// Span is the extent of a token: byte offsets into the document, End
// exclusive.
type Span struct{ Start, End int }

// nodeSpans are where one node's key and value are written.
type nodeSpans struct{ key, value Span }

// edge names a node by its parent and one path element: a key, or an array
// index with an empty name.
type edge struct {
	parent int32
	index  int32 // array index, or -1 for a key
	name   string
}

// utf8BOM is the byte-order mark a document may start with.
const utf8BOM = "\xef\xbb\xbf"

// NewIndex parses src and indexes every path it defines, in one pass over the
// parser's AST. src may start with a UTF-8 BOM, which is not counted as a
// column, and may use CRLF line endings. The index keeps src (for PosAt), so
// src must not be modified afterwards. On a syntax error NewIndex returns a
// *SyntaxError positioned where the parser failed.
func NewIndex(src []byte) (*Index, error) {
	ix := lineIndex(src)
	skip := ix.lines[0] // the parser rejects a BOM; it is not part of the TOML text
	b := indexBuilder{ix: ix, data: src[skip:], skip: skip}
	b.init()
	var de *DepthError
	if errors.As(CheckDepth(b.data), &de) {
		return nil, &SyntaxError{Pos: ix.PosAt(skip + de.Offset), Msg: de.Error()}
	}
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

// lineIndex is an index of src's lines alone, without paths: enough to turn
// byte offsets into positions and to quote lines, also for a file that does
// not parse.
func lineIndex(src []byte) *Index {
	skip := 0
	if bytes.HasPrefix(src, []byte(utf8BOM)) {
		skip = len(utf8BOM)
	}
	return &Index{src: src, text: string(src), lines: lineStarts(src, skip)}
}

// posAtRow returns the position of the byteCol-th byte (1-based) of a row,
// as parsers report errors; ok is false for a row the source lacks.
func (ix *Index) posAtRow(row, byteCol int) (Pos, bool) {
	if row < 1 || row > len(ix.lines) {
		return Pos{}, false
	}
	return ix.PosAt(ix.lines[row-1] + max(byteCol-1, 0)), true
}

// lineText returns the text of the n-th line (1-based) without its line
// ending or a leading BOM, or "" when there is no such line.
func (ix *Index) lineText(n int) string {
	if n < 1 || n > len(ix.lines) {
		return ""
	}
	end := len(ix.src)
	if n < len(ix.lines) {
		end = ix.lines[n] - 1 // the '\n' that ends line n
	}
	// A substring, not a copy: a thousand findings on one long line (a
	// long segments array) would otherwise copy it a thousand times.
	return strings.TrimSuffix(ix.text[ix.lines[n-1]:end], "\r")
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
// occurrence is kept. It does not allocate.
func (ix *Index) Lookup(p Path) (Entry, bool) {
	if ix == nil {
		return Entry{}, false
	}
	var id int32
	for _, el := range p {
		e := edge{parent: id, index: -1}
		switch v := el.(type) {
		case string:
			e.name = v
		case int:
			if v < 0 || v > math.MaxInt32 {
				return Entry{}, false
			}
			e.index = int32(v)
		default:
			return Entry{}, false
		}
		var ok bool
		if id, ok = ix.children[e]; !ok {
			return Entry{}, false
		}
	}
	return ix.nodes[id], true
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
// document; an offset inside the BOM is 1:1, one inside a multi-byte
// character is that character's. A nil index gives 1:1.
func (ix *Index) PosAt(offset int) Pos {
	if ix == nil {
		return Pos{1, 1}
	}
	line, start := ix.line(offset)
	offset = max(start, min(offset, len(ix.src)))
	// BurntSushi can report a syntax error inside a character (a string
	// opened before a 4-byte character and never closed); the character's
	// bytes would count as characters of their own, past the line's end.
	for offset > start && offset < len(ix.src) && !utf8.RuneStart(ix.src[offset]) {
		offset--
	}
	if end := ix.lineEnd(line + 1); offset-start > 64 && offset <= end {
		if m := ix.lineMap(line, start, end); m != nil {
			if i, ok := m.Char(offset - start); ok {
				return Pos{Line: line + 1, Col: i + 1}
			}
		}
	}
	return Pos{Line: line + 1, Col: runeCount(ix.src[start:offset]) + 1}
}

// line returns the 0-based line holding offset, and where it starts.
func (ix *Index) line(offset int) (line, start int) {
	lo, hi := 0, len(ix.lines)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if ix.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, ix.lines[lo]
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
	text string // data as a string: key names and comment texts are substrings of it
	skip int    // len(src) - len(data)

	table int32 // node of the current [table] or [[array]] element

	// arrays counts the elements of each array of tables, by node.
	arrays map[int32]int32

	// last is the latest offset converted to a position. Offsets mostly come
	// in document order, so the next one on the same line only needs the
	// runes in between counted: a long line costs linear, not quadratic,
	// time.
	last struct{ off, next, line, col int }
}

// init sizes the index for the document up front, so that a typical model
// needs no regrowth: about one and a half paths a line, and at most one
// comment per '#'.
func (b *indexBuilder) init() {
	n := len(b.ix.lines)*3/2 + 8
	b.ix.nodes = make([]Entry, 1, n)
	b.ix.nodes[0] = Entry{Kind: KindTable, Key: Pos{1, 1}, Value: Pos{1, 1}}
	b.ix.spans = make([]nodeSpans, 1, n)
	b.ix.spans[0] = nodeSpans{Span{b.skip, b.skip}, Span{b.skip, len(b.ix.src)}}
	b.ix.tokens = make([]Span, 0, 2*n)
	b.ix.children = make(map[edge]int32, n)
	if n := bytes.Count(b.data, []byte{'#'}); n > 0 {
		b.ix.comments = make([]Comment, 0, n)
	}
	b.text = b.ix.text[b.skip:]
}

// pos converts an offset in data to a Pos.
func (b *indexBuilder) pos(off int) Pos {
	off += b.skip
	l := &b.last
	if off < l.off || off >= l.next {
		line, start := b.ix.line(off)
		l.off, l.line, l.col = start, line+1, 1
		l.next = len(b.ix.src) + 1
		if line+1 < len(b.ix.lines) {
			l.next = b.ix.lines[line+1]
		}
	}
	l.col += runeCount(b.ix.src[l.off:off])
	l.off = off
	return Pos{l.line, l.col}
}

// child returns the node reached from parent by e, adding it with the given
// entry unless it exists: the first write of a path wins.
func (b *indexBuilder) child(parent int32, e edge, kind NodeKind, key, value Pos) int32 {
	e.parent = parent
	if id, ok := b.ix.children[e]; ok {
		return id
	}
	id := int32(len(b.ix.nodes)) //nolint:gosec // a document has far fewer than 2^31 paths
	b.ix.nodes = append(b.ix.nodes, Entry{Kind: kind, Key: key, Value: value})
	b.ix.spans = append(b.ix.spans, nodeSpans{})
	b.ix.children[e] = id
	return id
}

// key returns the edge for key node k. Its name is a substring of the
// document unless it holds escapes: a bare key's Data is its Raw bytes, and
// a quoted key without escapes is its Raw bytes without the quotes (escapes
// always shorten it more).
func (b *indexBuilder) key(k *unstable.Node) edge {
	off, n := int(k.Raw.Offset), len(k.Data)
	switch int(k.Raw.Length) - n {
	case 0:
		return edge{index: -1, name: b.text[off : off+n]}
	case 2:
		return edge{index: -1, name: b.text[off+1 : off+1+n]}
	}
	return edge{index: -1, name: string(k.Data)}
}

// element returns the edge for array index i.
func element(i int) edge {
	return edge{index: int32(i)} //nolint:gosec // a document has far fewer than 2^31 elements
}

// expression indexes one top-level expression and its trailing comment.
func (b *indexBuilder) expression(n *unstable.Node) {
	switch n.Kind {
	case unstable.Comment:
		b.comment(n)
	case unstable.KeyValue:
		b.keyValue(b.table, n)
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
	hdr := b.token(open, b.headerEnd(n, isArray))

	// A key inside a header is positioned at its first character (SPEC §3:
	// [[relationship]] at column 3); the table the header names has the
	// header's '[' as its value, a table named on the way has none of its
	// own, like one a dotted key defines.
	id := int32(0)
	for it := n.Key(); it.Next(); {
		b.token(int(it.Node().Raw.Offset), int(it.Node().Raw.Offset+it.Node().Raw.Length))
		e := b.key(it.Node())
		kat := b.pos(int(it.Node().Raw.Offset))
		switch {
		case !it.IsLast():
			id = b.child(id, e, KindTable, kat, kat)
			// A parent that is an array of tables means its latest element.
			if count, ok := b.arrays[id]; ok {
				id = b.child(id, element(int(count-1)), KindTable, at, at)
			}
		case !isArray:
			id = b.child(id, e, KindTable, kat, at)
		default:
			id = b.child(id, e, KindArray, kat, at)
			if b.arrays == nil {
				b.arrays = make(map[int32]int32)
			}
			count := b.arrays[id]
			b.arrays[id] = count + 1
			b.setSpans(id, b.ix.tokens[hdr], b.ix.tokens[hdr])
			id = b.child(id, element(int(count)), KindTable, at, at)
		}
		b.setSpans(id, b.ix.tokens[hdr], b.ix.tokens[hdr])
	}
	b.table = id
}

// keyValue indexes a key/value under node parent.
func (b *indexBuilder) keyValue(parent int32, kv *unstable.Node) {
	val := kv.Value()
	if val == nil {
		return // the parser never builds one, but a nil value must not panic
	}
	// The whole key is one token, recorded before its parts, which start
	// where it starts: tokens stay in order.
	keyStart, keyEnd := -1, 0
	for it := kv.Key(); it.Next(); {
		if keyStart < 0 {
			keyStart = int(it.Node().Raw.Offset)
		}
		keyEnd = int(it.Node().Raw.Offset + it.Node().Raw.Length)
	}
	if keyStart < 0 {
		return
	}
	whole := b.token(keyStart, keyEnd)
	at := b.pos(keyStart)
	// Every key but the last names a table the dotted key defines.
	var last *unstable.Node
	id := parent
	for it := kv.Key(); it.Next(); {
		k := it.Node()
		if last != nil {
			id = b.child(id, b.key(last), KindTable, at, at)
			part := Span{keyStart + b.skip, int(last.Raw.Offset+last.Raw.Length) + b.skip}
			b.setSpans(id, part, part)
		}
		b.token(int(k.Raw.Offset), int(k.Raw.Offset+k.Raw.Length))
		last = k
	}
	start := startOf(val)
	if start < 0 {
		// An array: the value follows the key's " = ".
		start = skipBlanks(b.data, int(last.Raw.Offset+last.Raw.Length))
		if start < len(b.data) && b.data[start] == '=' {
			start = skipBlanks(b.data, start+1)
		}
	}
	id = b.child(id, b.key(last), kindOf(val), at, b.pos(start))
	if val.Kind == unstable.String && strings.TrimSpace(string(val.Data)) == "" {
		b.ix.nodes[id].Blank = true
	}
	tok := b.token(start, start)
	end := b.value(id, val, start)
	b.ix.tokens[tok].End = end + b.skip
	b.setSpans(id, b.ix.tokens[whole], b.ix.tokens[tok])
}

// value indexes the elements of an array or the key/values of an inline
// table v, which is node id and starts at offset start. It returns the
// offset just past v.
func (b *indexBuilder) value(id int32, v *unstable.Node, start int) int {
	switch v.Kind {
	case unstable.Array:
		end, i := start+1, 0
		for c := v.Child(); c != nil; c = c.Next() {
			if c.Kind == unstable.Comment {
				end = b.commentRun(c)
				continue
			}
			s := startOf(c)
			if s < 0 {
				s = skipTrivia(b.data, end)
			}
			at := b.pos(s)
			tok := b.token(s, s)
			el := b.child(id, element(i), kindOf(c), at, at)
			end = b.value(el, c, s)
			b.ix.tokens[tok].End = end + b.skip
			b.setSpans(el, b.ix.tokens[tok], b.ix.tokens[tok])
			i++
		}
		return closeAfter(b.data, end, ']')
	case unstable.InlineTable:
		end := start + 1
		for c := v.Child(); c != nil; c = c.Next() {
			switch c.Kind {
			case unstable.Comment:
				end = b.commentRun(c)
			case unstable.KeyValue:
				b.keyValue(id, c)
				end = int(c.Raw.Offset + c.Raw.Length)
			}
		}
		return closeAfter(b.data, end, '}')
	default:
		return int(v.Raw.Offset + v.Raw.Length)
	}
}

// startOf returns the offset where v starts, or -1 when the parser gave v
// no range (arrays).
func startOf(v *unstable.Node) int {
	if v.Kind == unstable.Array || v.Raw.Length == 0 {
		return -1
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
	off, end := int(c.Raw.Offset), int(c.Raw.Offset+c.Raw.Length)
	ownLine := true
	for i := off - 1; i >= 0 && b.data[i] != '\n'; i-- {
		if b.data[i] != ' ' && b.data[i] != '\t' {
			ownLine = false
			break
		}
	}
	b.ix.comments = append(b.ix.comments, Comment{
		Pos:     b.pos(off),
		Text:    b.text[min(off+1, end):end], // without the '#'
		OwnLine: ownLine,
	})
	return end
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
	return &SyntaxError{Pos: b.ix.PosAt(off + b.skip), Msg: pe.Message}
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

// token records a token from data offset start to end and returns its index
// in tokens, so that a caller may set its end once it is known.
func (b *indexBuilder) token(start, end int) int {
	b.ix.tokens = append(b.ix.tokens, Span{start + b.skip, end + b.skip})
	return len(b.ix.tokens) - 1
}

// setSpans records where node id's key and value are written, unless an
// earlier write of the path did: the first write wins, as for its Entry.
func (b *indexBuilder) setSpans(id int32, key, value Span) {
	if s := &b.ix.spans[id]; s.key.End == 0 {
		s.key, s.value = key, value
	}
}

// headerEnd returns the offset just past the closing bracket(s) of header
// n, which follow its last key after blanks.
func (b *indexBuilder) headerEnd(n *unstable.Node, isArray bool) int {
	end := 0
	for it := n.Key(); it.Next(); {
		end = int(it.Node().Raw.Offset + it.Node().Raw.Length)
	}
	// Blanks may separate the last key from the ']'.
	for end < len(b.data) && b.data[end] != ']' && b.data[end] != '\n' {
		end++
	}
	if end < len(b.data) && b.data[end] == ']' {
		end++
		if isArray && end < len(b.data) && b.data[end] == ']' {
			end++
		}
	}
	return end
}

// finish orders the tokens by start, longest first among tokens that start
// together (a dotted key before its first part), as End searches them.
func (b *indexBuilder) finish() {
	cmp := func(x, y Span) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	}
	if !slices.IsSortedFunc(b.ix.tokens, cmp) {
		slices.SortFunc(b.ix.tokens, cmp)
	}
}
