package lsp

import (
	"strconv"
	"strings"

	"github.com/crlint/crlint/pkg/model"
)

// outline is what navigation needs of a document that parses: its items
// with their ids, and every reference to an id.
type outline struct {
	doc   *model.Document
	text  *text
	nodes []model.Node
	items []item
	refs  []ref
}

// item is one item of a block.
type item struct {
	block string
	index int
	id    string     // "" when it has none
	idTok model.Span // the id's string, quotes included
	head  model.Span // its header or opening brace
	whole model.Span // from its header to its last value
	name  string
	label string // a tactic's text, a competitor's name
}

// ref is one reference to an id: an entry of a field whose kind is Refs.
type ref struct {
	target string // the block the id names
	id     string
	tok    model.Span // the string, quotes included
	path   model.Path
}

// newOutline reads the items and references of a parsed document.
func newOutline(doc *model.Document, t *text) *outline {
	o := &outline{doc: doc, text: t, nodes: doc.Index().Nodes()}
	byItem := map[[2]any]int{} // (block, index) → position in items
	for _, n := range o.nodes {
		p := n.Path
		if len(p) < 2 {
			continue
		}
		block, _ := p[0].(string)
		i, isItem := p[1].(int)
		b := model.BlockByName(block)
		if b == nil || !isItem {
			continue
		}
		k := [2]any{block, i}
		at, ok := byItem[k]
		if !ok {
			at = len(o.items)
			byItem[k] = at
			o.items = append(o.items, item{block: block, index: i, head: n.Key, whole: n.Key})
		}
		it := &o.items[at]
		it.whole.End = max(it.whole.End, n.Value.End, n.Key.End)
		if len(p) == 3 && n.Entry.Kind == model.KindScalar {
			switch p[2] {
			case "id":
				if b.HasID {
					it.id, _ = o.str(n.Value)
					it.idTok = n.Value
				}
			case "name":
				it.name, _ = o.str(n.Value)
			case "tactic":
				it.label, _ = o.str(n.Value)
			}
		}
		if len(p) == 4 && n.Entry.Kind == model.KindScalar {
			name, _ := p[2].(string)
			if f, ok := b.Field(name); ok && f.Kind == model.Refs {
				if id, ok := o.str(n.Value); ok {
					o.refs = append(o.refs, ref{target: f.Target, id: id, tok: n.Value, path: p})
				}
			}
		}
	}
	return o
}

// str reads the string written at span: a basic or literal string on one
// line. ok is false for anything else.
func (o *outline) str(s model.Span) (string, bool) {
	raw := string(o.text.src[s.Start:s.End])
	switch {
	case len(raw) < 2 || strings.HasPrefix(raw, `"""`) || strings.HasPrefix(raw, "'''"):
		return "", false
	case raw[0] == '\'' && raw[len(raw)-1] == '\'':
		return raw[1 : len(raw)-1], true
	case raw[0] == '"' && raw[len(raw)-1] == '"':
		v, err := strconv.Unquote(raw)
		return v, err == nil
	}
	return "", false
}

// nodeAt returns the innermost node whose key or value holds offset off
// (a cursor just past a token is on it), and whether it is the key.
func (o *outline) nodeAt(off int) (model.Node, bool, bool) {
	var best model.Node
	found, inKey := false, false
	size := 1 << 62
	for _, n := range o.nodes {
		if len(n.Path) == 0 {
			continue
		}
		for _, c := range []struct {
			s   model.Span
			key bool
		}{{n.Value, false}, {n.Key, true}} {
			if c.s.Start <= off && off <= c.s.End && c.s.End-c.s.Start < size {
				best, found, inKey, size = n, true, c.key, c.s.End-c.s.Start
			}
		}
	}
	return best, inKey, found
}

// itemByID returns the first item of block with id (duplicates resolve to
// the first, as the rules do).
func (o *outline) itemByID(block, id string) (item, bool) {
	for _, it := range o.items {
		if it.block == block && it.id == id && id != "" {
			return it, true
		}
	}
	return item{}, false
}

// target is the id a cursor stands on: an item's id, or a reference.
type target struct {
	block string
	id    string
	tok   model.Span // the string under the cursor
}

// targetAt returns the id under the cursor at offset off.
func (o *outline) targetAt(off int) (target, bool) {
	for _, r := range o.refs {
		if r.tok.Start <= off && off <= r.tok.End {
			return target{r.target, r.id, r.tok}, true
		}
	}
	for _, it := range o.items {
		if it.id != "" && it.idTok.Start <= off && off <= it.idTok.End {
			return target{it.block, it.id, it.idTok}, true
		}
	}
	return target{}, false
}

// uses returns the declaration of t's id (when declared) and every
// reference to it.
func (o *outline) uses(t target) (decl *item, refs []ref) {
	if it, ok := o.itemByID(t.block, t.id); ok {
		decl = &it
	}
	for _, r := range o.refs {
		if r.target == t.block && r.id == t.id {
			refs = append(refs, r)
		}
	}
	return decl, refs
}

// describe names an item for people: `segment "smb"`, with its name.
func (it item) describe() string {
	s := model.Singular(it.block)
	switch {
	case it.id != "":
		s += " `" + it.id + "`"
	case it.label != "":
		s += " \"" + it.label + "\""
	}
	if it.name != "" {
		s += " — " + it.name
	}
	return s
}
