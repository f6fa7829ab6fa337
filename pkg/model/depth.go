package model

import (
	"bytes"
	"fmt"
)

// MaxDepth is the deepest nesting crlint reads: arrays, inline tables, the
// segments of a table header and the dots of a dotted key each count one
// level. A real model nests about four levels; the TOML parsers recurse
// once a level and have no limit of their own, so a hostile file of
// millions of brackets overflowed the stack. Configs have the same limit.
const MaxDepth = 32

// DepthError is TOML nested deeper than MaxDepth. Offset is the byte (of
// the text after any BOM) that opens the first level too deep: a '[', a
// '{' or the '.' of a dotted key or header.
type DepthError struct{ Offset int }

func (e *DepthError) Error() string {
	return fmt.Sprintf("nested deeper than %d levels (arrays, inline tables, table headers and dotted keys each count one)", MaxDepth)
}

// CheckDepth scans TOML text once, without recursion, and returns a
// *DepthError where its nesting first exceeds MaxDepth, or nil. It runs
// before any parser sees the text, so that no input costs more than linear
// time and memory. It is a lexer, not a parser: it knows strings (basic,
// literal, multi-line) and comments, so brackets inside them do not count,
// and it counts generously in text that is not valid TOML, which the
// parsers then reject anyway.
func CheckDepth(text []byte) error {
	if off := depthExceeded(text, MaxDepth); off >= 0 {
		return &DepthError{Offset: off}
	}
	return nil
}

// depthFrame is one open container: the top level, an array or an inline
// table.
type depthFrame struct {
	kind byte // 0 (top level), '[' or '{'
	key  bool // a key is being read (not yet its '=')
	dots int  // levels the dots of the current key add, until its value ends
}

// depthExceeded returns the offset of the byte that opens level limit+1, or
// -1.
func depthExceeded(src []byte, limit int) int {
	stack := []depthFrame{{key: true}}
	header := 0 // levels of the current table header
	inHeader := false
	depth := 0 // open arrays and inline tables, plus their keys' dots
	over := func() bool { return header+depth > limit }
	for i := 0; i < len(src); {
		top := &stack[len(stack)-1]
		switch c := src[i]; c {
		case '#':
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return -1
			}
			i += j
			continue
		case '"', '\'':
			i = skipString(src, i)
			continue
		case '\n':
			if top.kind == 0 {
				depth -= top.dots
				top.dots, top.key, inHeader = 0, true, false
			}
		case '[':
			if top.kind == 0 && top.key && !inHeader {
				inHeader, header = true, 1
				if i+1 < len(src) && src[i+1] == '[' {
					header, i = 2, i+1
				}
				if over() {
					return i
				}
				break
			}
			top.key = false
			stack = append(stack, depthFrame{kind: '['})
			if depth++; over() {
				return i
			}
		case '{':
			top.key = false
			stack = append(stack, depthFrame{kind: '{', key: true})
			if depth++; over() {
				return i
			}
		case ']', '}':
			if inHeader && c == ']' {
				inHeader = false
				if i+1 < len(src) && src[i+1] == ']' {
					i++
				}
				break
			}
			if (c == ']' && top.kind == '[') || (c == '}' && top.kind == '{') {
				depth -= 1 + top.dots
				stack = stack[:len(stack)-1]
			}
		case ',':
			if top.kind == '{' {
				depth -= top.dots
				top.dots, top.key = 0, true
			}
		case '=':
			if !inHeader {
				top.key = false
			}
		case '.':
			switch {
			case inHeader:
				if header++; over() {
					return i
				}
			case top.key:
				top.dots++
				if depth++; over() {
					return i
				}
			}
		}
		i++
	}
	return -1
}

// skipString returns the offset just after the string that starts at
// src[i] (a quote). A single-line string also ends at a line break, where
// it is broken anyway; a multi-line string ends with a run of three to five
// quotes, the last three closing it.
func skipString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			switch {
			case src[j] == '\\' && q == '"':
				j++
			case src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
				for j < len(src) && src[j] == q {
					j++
				}
				return j
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q == '"' && j+1 < len(src) && src[j+1] != '\n' {
				j++
			}
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(src)
}
