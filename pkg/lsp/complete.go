package lsp

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/crlint/crlint/pkg/model"
)

// Completion reads the text around the cursor rather than the parsed
// model: while a value is being typed the document rarely parses. Ids come
// from the latest version that parsed.

var (
	headerLine    = regexp.MustCompile(`^\s*(\[\[?)\s*([^\]#]*?)\s*\]`)
	partialHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_-]*)$`)
	partialKey    = regexp.MustCompile(`^\s*([A-Za-z0-9_-]*)$`)
)

// complete offers what may be written at the cursor: a block name in a
// header, a key of the table the cursor is in, an enum value, true or
// false, or the ids of the block a reference names.
func (st *state) complete(p Position) *CompletionList {
	list := &CompletionList{Items: []CompletionItem{}}
	if p.Line < 0 || p.Line >= len(st.text.lines) {
		return list
	}
	off := st.text.offset(p)
	lineStart := st.text.lines[p.Line]
	prefix := st.text.src[lineStart:off]
	if m := partialHeader.FindSubmatch(prefix); m != nil {
		return st.completeHeader(list, string(m[1]), off-len(m[2]), off)
	}
	table, header := st.tableAt(p.Line)
	if key, ok := st.valueKey(off, lineStart); ok {
		if f, ok := tableField(table, key); ok {
			st.completeValue(list, f, off)
		}
		return list
	}
	if m := partialKey.FindSubmatch(prefix); m != nil {
		r := st.text.span(off-len(m[1]), off)
		written := st.keysWritten(header, p.Line)
		for _, f := range tableFields(table) {
			if written[f.Name] {
				continue
			}
			list.Items = append(list.Items, CompletionItem{Label: f.Name, Kind: completionKindProperty, Detail: f.Doc,
				TextEdit: &TextEdit{Range: r, NewText: f.Name}})
		}
	}
	return list
}

// completeHeader offers the blocks after "[[" and the tables after "[".
func (st *state) completeHeader(list *CompletionList, open string, from, to int) *CompletionList {
	r := st.text.span(from, to)
	if open == "[" {
		list.Items = append(list.Items, CompletionItem{Label: "summary", Kind: completionKindModule, Detail: "what goes on the canvas itself",
			TextEdit: &TextEdit{Range: r, NewText: "summary"}})
		return list
	}
	for _, b := range model.Blocks {
		list.Items = append(list.Items, CompletionItem{Label: b.Name, Kind: completionKindModule, Detail: b.Doc,
			TextEdit: &TextEdit{Range: r, NewText: b.Name}})
	}
	return list
}

// completeValue offers the values field f may hold.
func (st *state) completeValue(list *CompletionList, f model.Field, off int) {
	from, quoted := st.stringStart(off)
	r := st.text.span(from, off)
	add := func(label string, kind int, detail string) {
		text := label
		if !quoted {
			text = `"` + label + `"`
		}
		list.Items = append(list.Items, CompletionItem{Label: label, Kind: kind, Detail: detail, TextEdit: &TextEdit{Range: r, NewText: text}})
	}
	switch f.Kind {
	case model.Enum, model.EnumList:
		for _, v := range f.Values {
			detail := f.Doc
			if d, ok := model.TypeGuidance[v]; ok && f.Values[0] == model.RelationshipTypes[0] {
				detail = d
			}
			add(v, completionKindEnum, detail)
		}
	case model.Refs:
		o := st.outline
		if o == nil {
			o = st.good
		}
		if o == nil {
			return
		}
		for _, it := range o.items {
			if it.block == f.Target && it.id != "" {
				add(it.id, completionKindRef, it.describe())
			}
		}
	case model.Bool:
		if !quoted {
			for _, v := range []string{"true", "false"} {
				list.Items = append(list.Items, CompletionItem{Label: v, Kind: completionKindValue, TextEdit: &TextEdit{Range: r, NewText: v}})
			}
		}
	}
}

// stringStart returns where the string the cursor is typing starts (just
// after its opening quote), or, outside a string, where the word before
// the cursor starts.
func (st *state) stringStart(off int) (int, bool) {
	line := st.text.src[st.text.lines[st.text.position(off).Line]:off]
	quote, start := outsideStrings(line, func(byte) bool { return true })
	base := off - len(line)
	if quote != 0 {
		return base + start, true
	}
	i := len(line)
	for i > 0 && isWordByte(line[i-1]) {
		i--
	}
	return base + i, false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// valueKey finds the key whose value the cursor is in: the key before an
// '=' earlier on the line, or the key of an array opened on an earlier line
// and not yet closed.
func (st *state) valueKey(off, lineStart int) (string, bool) {
	if key, _, ok := keyBefore(st.text.src[lineStart:off]); ok {
		return key, true
	}
	depth := bracketDepth(st.text.src[lineStart:off])
	line := st.text.position(lineStart).Line
	for l := line - 1; l >= 0 && l > line-200; l-- {
		src := st.text.src[st.text.lines[l]:st.text.lineEnd(l)]
		if headerLine.Match(src) {
			return "", false
		}
		if key, rest, ok := keyBefore(src); ok {
			if depth+bracketDepth(rest) > 0 {
				return key, true
			}
			return "", false
		}
		depth += bracketDepth(src)
	}
	return "", false
}

// keyBefore splits a line at its first '=' outside strings into the key
// (its last dotted part) and what follows.
func keyBefore(line []byte) (string, []byte, bool) {
	i := bytes.IndexByte(line, '=')
	if i < 0 || bytes.ContainsAny(line[:i], `"'#[`) {
		return "", nil, false
	}
	key := strings.TrimSpace(string(line[:i]))
	if dot := strings.LastIndexByte(key, '.'); dot >= 0 {
		key = strings.TrimSpace(key[dot+1:])
	}
	return key, line[i+1:], key != ""
}

// bracketDepth counts the '[' less the ']' of a line outside strings and
// comments.
func bracketDepth(line []byte) int {
	depth := 0
	outsideStrings(line, func(c byte) bool {
		switch c {
		case '[':
			depth++
		case ']':
			depth--
		}
		return c != '#'
	})
	return depth
}

// tableAt returns the name of the table that line (0-based) belongs to —
// the first key of the nearest header above it, "" at the top level — and
// the line of that header (-1 at the top level).
func (st *state) tableAt(line int) (string, int) {
	for l := line - 1; l >= 0; l-- {
		m := headerLine.FindSubmatch(st.text.src[st.text.lines[l]:st.text.lineEnd(l)])
		if m == nil {
			continue
		}
		name, _, _ := strings.Cut(string(m[2]), ".")
		return strings.Trim(strings.TrimSpace(name), `"'`), l
	}
	return "", -1
}

// keysWritten lists the keys written in the table whose header is on line
// header (-1: the top level), but for the cursor's own line: completion
// does not offer a key twice.
func (st *state) keysWritten(header, cursor int) map[string]bool {
	out := map[string]bool{}
	for l := header + 1; l < len(st.text.lines); l++ {
		src := st.text.src[st.text.lines[l]:st.text.lineEnd(l)]
		if headerLine.Match(src) {
			break
		}
		if key, _, ok := keyBefore(src); ok && l != cursor {
			out[key] = true
		}
	}
	return out
}

// tableFields lists the keys a table may hold.
func tableFields(table string) []model.Field {
	switch table {
	case "":
		fs := append([]model.Field(nil), model.TopFields...)
		fs = append(fs, model.Field{Name: "summary", Doc: "the canvas's own text"})
		for _, b := range model.Blocks {
			fs = append(fs, model.Field{Name: b.Name, Doc: b.Doc})
		}
		return fs
	case "summary":
		return model.SummaryFields
	}
	if b := model.BlockByName(table); b != nil {
		return b.Fields
	}
	return nil
}

// tableField returns the field called key of a table.
func tableField(table, key string) (model.Field, bool) {
	for _, f := range tableFields(table) {
		if f.Name == key && f.Kind != 0 {
			return f, true
		}
	}
	return model.Field{}, false
}
