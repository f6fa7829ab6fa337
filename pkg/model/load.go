package model

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	bstoml "github.com/BurntSushi/toml"
	pltoml "github.com/pelletier/go-toml/v2"
)

var bom = []byte(utf8BOM)

// Document is one loaded model: its source, the findings of the loader, and
// the normalised model the Rego rules read.
type Document struct {
	// File is the name findings are reported under.
	File string
	// Src is the file's bytes, exactly as read.
	Src []byte
	// Input is the model as the rules see it (see Normalize); nil after a
	// syntax error.
	Input map[string]any
	// Problems are the loader's findings, CR001–CR006.
	Problems []Problem

	canvas bool // see HasCanvasKey
	// binary is true for a file with NUL bytes or invalid UTF-8, whose
	// bytes are never quoted (Line returns "").
	binary bool

	once      sync.Once
	index     *Index
	linesOnce sync.Once
	lineIx    *Index // see lines
	// kept maps an array whose invalid entries were left out of Input to
	// the file indices of the entries that remain (see written).
	kept map[string][]int
}

func (d *Document) remap(p Path, kept []int) {
	if d.kept == nil {
		d.kept = map[string][]int{}
	}
	d.kept[p.String()] = kept
}

// Written translates a path into Input to the path as written in the file:
// they differ only after an array entry that failed CR003 was left out.
func (d *Document) Written(p Path) Path {
	if len(d.kept) == 0 {
		return p
	}
	var out Path
	for k, el := range p {
		if i, ok := el.(int); ok && k > 0 {
			// Remaps are recorded under written paths, so the prefix looked
			// up is the one already translated: relationships[0].segments
			// of the input is relationships[1].segments in the file when an
			// entry before the item was left out.
			prefix := p[:k]
			if out != nil {
				prefix = out[:k]
			}
			if kept, ok := d.kept[prefix.String()]; ok && i >= 0 && i < len(kept) {
				if out == nil {
					out = append(Path(nil), p...)
				}
				out[k] = kept[i]
			}
		}
	}
	if out == nil {
		return p
	}
	return out
}

// Load parses src, checks it against the format and normalises it. It never
// fails: a file that is not a model is reported as problems. A syntax error
// is the file's only problem (CR001) and leaves Input nil.
func Load(file string, src []byte) *Document {
	d := &Document{File: file, Src: src}
	raw, err := decode(src)
	if err != nil {
		d.Problems = []Problem{d.syntaxProblem(err)}
		var de *decodeError
		d.binary = errors.As(err, &de) && de.binary
		return d
	}
	d.canvas = hasCanvasKey(raw)
	v := validator{doc: d}
	d.Input = v.normalize(raw)
	return d
}

// HasCanvasKey reports whether the document parsed and its top level has a
// key of the canvas's blocks (segments, relationships, ...): whether a file
// found in a directory is a model at all.
func (d *Document) HasCanvasKey() bool { return d.canvas }

func hasCanvasKey(raw map[string]any) bool {
	for _, b := range Blocks {
		if _, ok := raw[b.Name]; ok {
			return true
		}
	}
	return false
}

// Index returns the document's position index, built on first use so that
// files without findings never pay for it.
func (d *Document) Index() *Index {
	d.once.Do(func() {
		// A document whose index fails to build has a syntax error, which
		// carries its own position; lookups in a nil index find nothing.
		d.index, _ = NewIndex(d.Src)
	})
	return d.index
}

// decode reads TOML with go-toml's strict decoder, which rejects everything
// TOML 1.1 forbids, so a model is never silently misread. It decodes a model
// several times faster than BurntSushi/toml, which therefore only speaks when
// a file is broken: where both parsers reject it, BurntSushi's message and
// position are the clearer ones.
func decode(src []byte) (map[string]any, error) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &decodeError{msg: "file is binary (contains NUL bytes), not TOML", offset: i, binary: true}
	}
	if !utf8.Valid(src) {
		return nil, &decodeError{msg: "file is not valid UTF-8", offset: firstInvalidUTF8(src), binary: true}
	}
	text := bytes.TrimPrefix(src, bom)
	skip := len(src) - len(text)
	// The parsers report a control character one character early; no
	// TOML text may hold one (but tab, and CR before LF), so find it here.
	if i := controlChar(text); i >= 0 {
		return nil, &decodeError{msg: fmt.Sprintf("control character U+%04X is not allowed in TOML", text[i]), offset: skip + i}
	}
	var deep *DepthError
	if errors.As(CheckDepth(text), &deep) {
		return nil, &decodeError{msg: deep.Error(), offset: skip + deep.Offset}
	}
	var cost *KeyCostError
	if errors.As(CheckKeyCost(text), &cost) {
		return nil, &decodeError{msg: cost.Error(), offset: skip + cost.Offset}
	}
	var raw map[string]any
	err := pltoml.Unmarshal(text, &raw)
	if err == nil {
		return raw, nil
	}
	var bsRaw map[string]any
	if _, bsErr := bstoml.Decode(string(text), &bsRaw); bsErr != nil {
		var pe bstoml.ParseError
		if errors.As(bsErr, &pe) {
			return nil, &decodeError{msg: pe.Message, offset: skip + pe.Position.Start}
		}
	}
	var de *pltoml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return nil, &decodeError{msg: de.Error(), row: row, byteCol: col}
	}
	return nil, &decodeError{msg: err.Error(), offset: -1}
}

// controlChar returns the offset of the first control character TOML
// forbids everywhere (U+0000–U+001F but tab, LF and CR, and U+007F), or -1.
// A CR that does not end a line is left to the parsers.
func controlChar(b []byte) int {
	for i, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return i
		}
	}
	return -1
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// decodeError is a syntax error as a parser reports it: a byte offset, or a
// row and a byte column.
type decodeError struct {
	msg          string
	offset       int // -1 when unknown
	row, byteCol int
	binary       bool // NUL bytes or invalid UTF-8: never quote the file
}

func (e *decodeError) Error() string { return e.msg }

// syntaxProblem positions a decode error. Parsers count bytes; findings
// count characters.
func (d *Document) syntaxProblem(err error) Problem {
	p := Problem{Code: "CR001", Message: "invalid TOML: " + err.Error(), Hint: "fix the TOML syntax; no other check runs on this file until it parses", Pos: Pos{1, 1}}
	var de *decodeError
	if !errors.As(err, &de) {
		return p
	}
	lines := d.lines()
	if pos, ok := lines.posAtRow(de.row, de.byteCol); ok {
		p.Pos = pos
	} else if de.offset >= 0 {
		p.Pos = lines.PosAt(de.offset)
	}
	return p
}

// String renders a problem for debugging and tests.
func (p Problem) String() string {
	return fmt.Sprintf("%s %s %s", p.Code, p.Path, p.Message)
}

// Line returns the text of the n-th line (1-based) without its line ending
// or a leading BOM, or "" when there is no such line or the file is binary
// (its bytes may be anything, a secret included, and are never quoted).
func (d *Document) Line(n int) string {
	if d.binary {
		return ""
	}
	return d.lines().lineText(n)
}

// A line longer than maxExcerpt bytes is quoted in reports as about
// excerptWidth characters around the finding, starting excerptLead
// characters before it: quoting a 150 KB line once for each of its
// thousands of findings wrote gigabytes.
const (
	maxExcerpt   = 240
	excerptWidth = 120
	excerptLead  = 40
)

// Excerpt returns the text of line n to quote for a finding at column col:
// the whole line when it is short, else the characters around col, found
// without decoding the line from its start. cut is how many characters of
// the line come before the text, and more is true when some come after it.
func (d *Document) Excerpt(n, col int) (text string, cut int, more bool) {
	line := d.Line(n)
	if len(line) <= maxExcerpt {
		return line, 0, false
	}
	ix := d.lines()
	from := max(1, col-excerptLead)
	a, ok := ix.Offset(Pos{n, from})
	if !ok {
		return line, 0, false
	}
	lineEnd := ix.lines[n-1] + len(line)
	b, ok := ix.Offset(Pos{n, from + excerptWidth})
	if !ok || b > lineEnd {
		b = lineEnd
	}
	return ix.text[a:b], from - 1, b < lineEnd
}

// lines returns the index of the document's lines, built once: it used to
// scan from the start of the file for every finding, and 60,000
// relationships took minutes.
func (d *Document) lines() *Index {
	d.linesOnce.Do(func() { d.lineIx = lineIndex(d.Src) })
	return d.lineIx
}
