// Package planspike is the native-speed spike of issue 15: three built-in
// rules planned by OPA (compile.TargetPlan) and written out as Go by
// ./gen. It is measured against topdown by its tests and benchmarks and is
// not used by crlint itself (see docs/performance.md).
package planspike

//go:generate go run ./gen plan_gen.go

import (
	"context"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Eval is one evaluation: the input, the memo of rules without arguments
// and the first error.
type Eval struct {
	Input *ast.Term
	memo  map[int]*ast.Term
	bctx  topdown.BuiltinContext
	Err   error
}

// NewEval prepares an evaluation of input.
func NewEval(ctx context.Context, input ast.Value) *Eval {
	return &Eval{Input: ast.NewTerm(input), memo: map[int]*ast.Term{}, bctx: topdown.BuiltinContext{Context: ctx}}
}

// call runs an OPA builtin with OPA's own implementation; nil when it is
// undefined or fails.
func (e *Eval) call(name string, args ...*ast.Term) *ast.Term {
	f := topdown.GetBuiltin(name)
	if f == nil {
		e.fail(fmt.Errorf("no builtin %s", name))
		return nil
	}
	var out *ast.Term
	if err := f(e.bctx, args, func(t *ast.Term) error { out = t; return nil }); err != nil {
		e.fail(err)
		return nil
	}
	return out
}

func (e *Eval) fail(err error) {
	if e.Err == nil {
		e.Err = err
	}
}

func (e *Eval) conflict() { e.fail(errors.New("complete rule with conflicting values")) }

// insertOnce inserts k: v unless k holds another value.
func (e *Eval) insertOnce(obj *ast.Term, k, v *ast.Term) {
	o := obj.Value.(ast.Object)
	if old := o.Get(k); old != nil && !equal(old, v) {
		e.conflict()
		return
	}
	o.Insert(k, v)
}

// dot looks key up in an object, an array or a set.
func dot(src, key *ast.Term) *ast.Term {
	if src == nil || key == nil {
		return nil
	}
	switch v := src.Value.(type) {
	case ast.Object:
		return v.Get(key)
	case *ast.Array:
		return v.Get(key)
	case ast.Set:
		if v.Contains(key) {
			return key
		}
	}
	return nil
}

// scan lists the key and value pairs of a collection.
func scan(src *ast.Term) [][2]*ast.Term {
	if src == nil {
		return nil
	}
	var out [][2]*ast.Term
	switch v := src.Value.(type) {
	case *ast.Array:
		for i := range v.Len() {
			out = append(out, [2]*ast.Term{ast.InternedTerm(i), v.Elem(i)})
		}
	case ast.Object:
		v.Foreach(func(k, x *ast.Term) { out = append(out, [2]*ast.Term{k, x}) })
	case ast.Set:
		v.Foreach(func(x *ast.Term) { out = append(out, [2]*ast.Term{x, x}) })
	}
	return out
}

func equal(a, b *ast.Term) bool {
	return a != nil && b != nil && a.Value.Compare(b.Value) == 0
}

// isKind holds when t is a value of kind T.
func isKind[T ast.Value](t *ast.Term) bool {
	if t == nil {
		return false
	}
	_, ok := t.Value.(T)
	return ok
}

// length is the number of elements of a collection or characters of a
// string.
func length(t *ast.Term) *ast.Term {
	if t == nil {
		return nil
	}
	switch v := t.Value.(type) {
	case *ast.Array:
		return ast.InternedTerm(v.Len())
	case ast.Object:
		return ast.InternedTerm(v.Len())
	case ast.Set:
		return ast.InternedTerm(v.Len())
	case ast.String:
		return ast.InternedTerm(len([]rune(string(v))))
	}
	return nil
}
