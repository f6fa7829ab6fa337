package lsp

import (
	"fmt"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/crlint/crlint/pkg/model"
)

// targetAt returns the id under the cursor, when the document parses.
func (st *state) targetAt(p Position) (*outline, target, bool) {
	if st.outline == nil {
		return nil, target{}, false
	}
	t, ok := st.outline.targetAt(st.text.offset(p))
	return st.outline, t, ok
}

// definition finds the item an id or reference under the cursor names:
// the id of that item.
func (st *state) definition(p Position) []Location {
	o, t, ok := st.targetAt(p)
	if !ok {
		return nil
	}
	it, ok := o.itemByID(t.block, t.id)
	if !ok {
		return nil
	}
	return []Location{{URI: st.uri, Range: st.text.span(it.idTok.Start, it.idTok.End)}}
}

// references lists every reference to the id under the cursor, and its
// declaration when asked.
func (st *state) references(p Position, withDecl bool) []Location {
	o, t, ok := st.targetAt(p)
	if !ok {
		return nil
	}
	decl, refs := o.uses(t)
	out := []Location{}
	if withDecl && decl != nil {
		out = append(out, Location{URI: st.uri, Range: st.text.span(decl.idTok.Start, decl.idTok.End)})
	}
	for _, r := range refs {
		out = append(out, Location{URI: st.uri, Range: st.text.span(r.tok.Start, r.tok.End)})
	}
	return out
}

// prepareRename answers whether the cursor is on an id that can be
// renamed, with the id's text (inside its quotes) as what is renamed.
func (st *state) prepareRename(p Position) (*PrepareRenameResult, error) {
	o, t, ok := st.targetAt(p)
	if !ok {
		return nil, nil
	}
	if _, declared := o.itemByID(t.block, t.id); !declared {
		return nil, renameError("%s %q is not declared: there is nothing to rename", model.Singular(t.block), t.id)
	}
	return &PrepareRenameResult{Range: st.text.span(t.tok.Start+1, t.tok.End-1), Placeholder: t.id}, nil
}

// rename renames the id under the cursor: the item's id and every
// reference to it, each keeping its quotes.
func (st *state) rename(p Position, newName string) (*WorkspaceEdit, error) {
	if _, err := st.prepareRename(p); err != nil {
		return nil, err
	}
	o, t, ok := st.targetAt(p)
	if !ok {
		return nil, renameError("there is no id to rename at the cursor (or the model does not parse)")
	}
	if !model.ValidID(newName) {
		return nil, renameError("%q is no valid id: use a-z, 0-9, _ and -, starting with a letter or digit", newName)
	}
	if newName != t.id {
		if it, taken := o.itemByID(t.block, newName); taken {
			return nil, renameError("%s already has the id %q", it.describe(), newName)
		}
	}
	decl, refs := o.uses(t)
	var edits []TextEdit
	replace := func(tok model.Span) {
		// The string's content, between its quotes: an id needs no escapes.
		edits = append(edits, TextEdit{Range: st.text.span(tok.Start+1, tok.End-1), NewText: newName})
	}
	replace(decl.idTok)
	for _, r := range refs {
		replace(r.tok)
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{st.uri: edits}}, nil
}

func renameError(format string, args ...any) error {
	return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: fmt.Sprintf(format, args...)}
}
