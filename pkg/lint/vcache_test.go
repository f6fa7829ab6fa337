package lint

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestItemCall: only calls with an object, array or set argument bypass
// the cache; rules and functions of scalars are cached.
func TestItemCall(t *testing.T) {
	fn := ast.NewTerm(ast.MustParseRef("data.crlint.lib.refs"))
	item := ast.MustParseTerm(`{"id": "r"}`)
	for _, c := range []struct {
		key  ast.Ref
		want bool
	}{
		{ast.Ref{fn, item, ast.StringTerm("segments")}, true},
		{ast.Ref{fn, ast.MustParseTerm(`["a"]`)}, true},
		{ast.Ref{fn, ast.MustParseTerm(`{"a"}`)}, true},
		{ast.Ref{fn, ast.StringTerm("keep")}, false},
		{ast.Ref{fn, ast.StringTerm("r"), ast.NumberTerm("3")}, false},
		{ast.MustParseRef("data.crlint.lib.by_id"), false},
		{ast.MustParseRef(`data.crlint.rules.phases["empty-phase"].report`), false},
		{ast.Ref{fn}, false},
	} {
		if got := itemCall(c.key); got != c.want {
			t.Errorf("itemCall(%v) = %v, want %v", c.key, got, c.want)
		}
	}
	c := newItemCache()
	c.Put(ast.Ref{fn, item}, ast.BooleanTerm(true))
	if v, _ := c.Get(ast.Ref{fn, item}); v != nil {
		t.Errorf("a call on an item was cached: %v", v)
	}
	rule := ast.MustParseRef("data.crlint.lib.by_id")
	c.Put(rule, ast.BooleanTerm(true))
	if v, _ := c.Get(rule); v == nil {
		t.Error("a rule's value was not cached")
	}
}
