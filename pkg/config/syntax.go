package config

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/crlint/crlint/pkg/model"
)

// syntaxCheck refuses, before the TOML parser sees it, a config that is not
// UTF-8 text or nests deeper than model.MaxDepth; the error gives the
// position, never the bytes.
func syntaxCheck(file string, src []byte) error {
	if bytes.IndexByte(src, 0) >= 0 || !utf8.Valid(src) {
		return fmt.Errorf("%s: not a TOML config: the file is binary (NUL bytes or invalid UTF-8)", file)
	}
	text := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var de *model.DepthError
	if errors.As(model.CheckDepth(text), &de) {
		line, col := position(text, de.Offset)
		return fmt.Errorf("%s:%d:%d: %v", file, line, col, de)
	}
	return nil
}

// position turns a byte offset into text into a line and a column of
// characters, both from 1; an offset past the end is the end.
func position(text []byte, offset int) (line, col int) {
	offset = max(0, min(offset, len(text)))
	line = 1 + bytes.Count(text[:offset], []byte{'\n'})
	col = 1 + utf8.RuneCount(text[bytes.LastIndexByte(text[:offset], '\n')+1:offset])
	return line, col
}

// quoted matches what a TOML parser's message quotes from the file.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'`)

// redact replaces what a parser's message quotes from the config with "…",
// so that a config error shows where and what kind of mistake, never the
// config's text.
func redact(msg string) string {
	return quoted.ReplaceAllString(msg, "…")
}
