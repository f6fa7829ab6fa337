package lsp

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/crlint/crlint/pkg/fix"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
)

// codeActions offers, for each finding in the requested range, its safe
// fix and a comment that disables its rule on its line (or, for a finding
// about something absent from the file, in the whole file); and one action
// applying every safe fix of the document.
func (st *state) codeActions(p CodeActionParams) []CodeAction {
	out := []CodeAction{}
	if st.res == nil || !st.model {
		return out
	}
	want := func(kind string) bool {
		return len(p.Context.Only) == 0 || slices.ContainsFunc(p.Context.Only, func(o string) bool {
			return kind == o || strings.HasPrefix(kind, o+".")
		})
	}
	doc := st.res.Doc
	var all []fix.Edit
	for _, f := range st.findings() {
		e, fixable := fix.For(doc, f)
		if fixable {
			all = append(all, e)
		}
		d := st.diagnostic(f)
		if !overlaps(d.Range, p.Range) {
			continue
		}
		if fixable && want(kindQuickFix) {
			out = append(out, CodeAction{
				Title: fmt.Sprintf("Replace %q with %q (%s)", f.Fix.From, f.Fix.To, f.Code), Kind: kindQuickFix,
				Diagnostics: []Diagnostic{d}, IsPreferred: true, Edit: st.edit(e),
			})
		}
		if want(kindQuickFix) {
			out = append(out, st.disable(f, d))
		}
	}
	if len(all) > 0 && want(kindFixAll) {
		edits := fix.Edits(doc, st.findings())
		changes := make([]TextEdit, len(edits))
		for i, e := range edits {
			changes[i] = TextEdit{Range: st.text.span(e.Start, e.End), NewText: e.New}
		}
		out = append(out, CodeAction{
			Title: fmt.Sprintf("Apply every safe fix (%d)", len(edits)), Kind: kindFixAll,
			Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{st.uri: changes}},
		})
	}
	return out
}

// edit is a workspace edit of one text edit to this document.
func (st *state) edit(e fix.Edit) *WorkspaceEdit {
	return &WorkspaceEdit{Changes: map[string][]TextEdit{st.uri: {{Range: st.text.span(e.Start, e.End), NewText: e.New}}}}
}

// disable is the action that suppresses f: `# crlint:disable CODE` at the
// end of its line, or on a line of its own above it when the line already
// ends in a comment (a directive must start its comment); a finding about
// something absent (an empty range at the file's start) is disabled for
// the file.
func (st *state) disable(f report.Finding, d Diagnostic) CodeAction {
	a := CodeAction{Kind: kindQuickFix, Diagnostics: []Diagnostic{d}}
	line := d.Range.Start.Line
	if line >= len(st.text.lines) {
		line = len(st.text.lines) - 1
	}
	start, end := st.text.lines[line], st.text.lineEnd(line)
	src := st.text.src[start:end]
	var pos Position
	var insert string
	a.Title = fmt.Sprintf("Disable %s %s on this line", f.Code, f.Rule)
	off, codes, existing := st.directiveFor(line)
	switch {
	case d.Range.Start == d.Range.End && f.Line == 1 && f.Column == 1:
		a.Title = fmt.Sprintf("Disable %s %s in this file", f.Code, f.Rule)
		pos, insert = Position{}, fmt.Sprintf("# crlint:disable-file %s\n", f.Code)
	case existing && codes:
		pos, insert = st.text.position(off), ","+f.Code
	case existing:
		pos, insert = st.text.position(off), " "+f.Code
	case hasComment(src):
		indent := src[:len(src)-len(bytes.TrimLeft(src, " \t"))]
		pos, insert = Position{Line: line}, fmt.Sprintf("%s# crlint:disable %s\n", indent, f.Code)
	default:
		pos, insert = st.text.position(end), fmt.Sprintf("  # crlint:disable %s", f.Code)
	}
	a.Edit = &WorkspaceEdit{Changes: map[string][]TextEdit{st.uri: {{Range: Range{pos, pos}, NewText: insert}}}}
	return a
}

// directiveFor finds a `# crlint:disable` comment that already covers line
// (0-based): at its end, or alone on the line above. It returns where a
// code is added to it (just past its codes, or past the directive when it
// names none) and whether it names any.
func (st *state) directiveFor(line int) (off int, codes, ok bool) {
	ix := st.res.Doc.Index()
	for _, c := range ix.Comments() {
		covers := c.Pos.Line == line+1 && !c.OwnLine || c.Pos.Line == line && c.OwnLine
		if !covers {
			continue
		}
		s, isDirective := lint.ParseSuppression(c.Text)
		if !isDirective || s.File {
			continue
		}
		at, found := ix.Offset(c.Pos)
		if !found {
			continue
		}
		text := c.Text
		i := strings.Index(text, "crlint:disable") + len("crlint:disable")
		if len(s.Codes) == 0 {
			return at + 1 + i, false, true
		}
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		for i < len(text) && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			i++
		}
		return at + 1 + i, true, true
	}
	return 0, false, false
}

// hasComment reports whether a line holds a '#' outside strings.
func hasComment(line []byte) bool {
	found := false
	outsideStrings(line, func(c byte) bool {
		found = c == '#'
		return !found
	})
	return found
}
