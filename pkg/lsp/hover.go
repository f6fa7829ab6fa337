package lsp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crlint/crlint/pkg/model"
)

// hover says what is under the cursor: the findings there (message, hint,
// the rule's summary), the guidance's definition of a relationship type,
// the item a reference names, or what a key is for.
func (st *state) hover(p Position) *Hover {
	var parts []string
	var at *Range
	for _, f := range st.findings() {
		r := st.findingRange(f)
		if !contains(r, p) {
			continue
		}
		s := fmt.Sprintf("**%s %s** (%s): %s", f.Code, f.Rule, f.Severity, f.Message)
		if f.Hint != "" {
			s += "\n\nHint: " + f.Hint
		}
		if info, ok := st.rules(f.Code); ok && info.Summary != "" {
			s += "\n\n_" + info.Summary + "_"
		}
		if f.Fixable() {
			s += fmt.Sprintf("\n\nSafe fix: `%s` → `%s`", f.Fix.From, f.Fix.To)
		}
		parts = append(parts, s)
		at = &r
	}
	if o := st.outline; o != nil {
		if s, r, ok := o.describeAt(st.text.offset(p)); ok {
			parts = append(parts, s)
			if at == nil {
				at = &r
			}
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return &Hover{Contents: markdown(strings.Join(parts, "\n\n---\n\n")), Range: at}
}

// describeAt describes the token at offset off: a type value, a
// reference, an id, or a key.
func (o *outline) describeAt(off int) (string, Range, bool) {
	if t, ok := o.targetAt(off); ok {
		r := o.text.span(t.tok.Start, t.tok.End)
		it, found := o.itemByID(t.block, t.id)
		if !found {
			return fmt.Sprintf("No %s has the id `%s`.", model.Singular(t.block), t.id), r, true
		}
		_, refs := o.uses(t)
		times := "once"
		if len(refs) != 1 {
			times = fmt.Sprintf("%d times", len(refs))
		}
		s := fmt.Sprintf("%s\n\nline %d, referenced %s", it.describe(), o.text.position(it.head.Start).Line+1, times)
		if d := o.field(it, "description"); d != "" {
			s += "\n\n" + d
		}
		return s, r, true
	}
	n, inKey, ok := o.nodeAt(off)
	if !ok {
		return "", Range{}, false
	}
	r := o.text.span(n.Value.Start, n.Value.End)
	if inKey {
		r = o.text.span(n.Key.Start, n.Key.End)
	}
	f, ok := fieldOf(n.Path)
	if !ok {
		return "", Range{}, false
	}
	if !inKey && slices.Equal(f.Values, model.RelationshipTypes) {
		if v, isStr := o.str(n.Value); isStr {
			if def, ok := model.TypeGuidance[v]; ok {
				return fmt.Sprintf("**%s**: %s\n\n— %s", v, def, model.TypeGuidanceSource), r, true
			}
		}
	}
	if inKey {
		return fmt.Sprintf("`%s`: %s", f.Name, f.Doc), r, true
	}
	return "", Range{}, false
}

// field reads a text field of an item.
func (o *outline) field(it item, name string) string {
	for _, n := range o.nodes {
		if len(n.Path) == 3 && n.Path[0] == it.block && n.Path[1] == it.index && n.Path[2] == name {
			s, _ := o.str(n.Value)
			return s
		}
	}
	return ""
}

// fieldOf returns the format's field a path names: a top-level key, a
// summary key, an item's field, or an entry of an item's array field.
func fieldOf(p model.Path) (model.Field, bool) {
	find := func(fs []model.Field, name any) (model.Field, bool) {
		for _, f := range fs {
			if f.Name == name {
				return f, true
			}
		}
		return model.Field{}, false
	}
	switch {
	case len(p) == 1:
		return find(model.TopFields, p[0])
	case len(p) == 2 && p[0] == "summary":
		return find(model.SummaryFields, p[1])
	case len(p) >= 3:
		name, _ := p[0].(string)
		if b := model.BlockByName(name); b != nil {
			if _, isItem := p[1].(int); isItem {
				return find(b.Fields, p[2])
			}
		}
	}
	return model.Field{}, false
}
