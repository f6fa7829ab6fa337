package lsp

import (
	"fmt"

	"github.com/crlint/crlint/pkg/model"
)

// symbols is the document's outline: the top-level keys, then each block
// with its items.
func (st *state) symbols() []DocumentSymbol {
	o := st.outline
	if o == nil {
		return nil
	}
	out := []DocumentSymbol{}
	blocks := map[string]int{} // block → position in out
	for _, n := range o.nodes {
		if len(n.Path) != 1 {
			continue
		}
		name, _ := n.Path[0].(string)
		whole := model.Span{Start: n.Key.Start, End: max(n.Key.End, n.Value.End)}
		sym := DocumentSymbol{Name: name, Kind: symbolKindProperty, Range: st.text.span(whole.Start, whole.End),
			SelectionRange: st.text.span(n.Key.Start, n.Key.End)}
		if b := model.BlockByName(name); b != nil {
			sym.Kind, sym.Detail = symbolKindArray, b.Doc
			blocks[name] = len(out)
		} else if n.Entry.Kind == model.KindTable {
			sym.Kind = symbolKindNamespace
		}
		out = append(out, sym)
	}
	for _, it := range o.items {
		at, ok := blocks[it.block]
		if !ok {
			continue
		}
		name := it.id
		switch {
		case name == "" && it.label != "":
			name = it.label
		case name == "" && it.name != "":
			name = it.name
		case name == "":
			name = fmt.Sprintf("%s[%d]", it.block, it.index)
		}
		sel := it.head
		if it.id != "" {
			sel = it.idTok
		}
		b := &out[at]
		b.Children = append(b.Children, DocumentSymbol{
			Name: name, Detail: it.name, Kind: symbolKindObject,
			Range: st.text.span(it.whole.Start, it.whole.End), SelectionRange: st.text.span(sel.Start, sel.End),
		})
		// A block written as [[headers]] spans from its first header to
		// its last item.
		if r := st.text.span(it.whole.Start, it.whole.End); less(b.Range.End, r.End) {
			b.Range.End = r.End
		}
	}
	return out
}
