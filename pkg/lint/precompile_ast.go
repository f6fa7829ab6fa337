package lint

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The helpers the generated builtinPrecompiled builds terms with. Terms
// carry no location; expressions, rules and heads do (see locIn).

func pNull() *ast.Term                { return &ast.Term{Value: ast.Null{}} }
func pBool(b bool) *ast.Term          { return &ast.Term{Value: ast.Boolean(b)} }
func pNum(n string) *ast.Term         { return &ast.Term{Value: ast.Number(n)} }
func pStr(s string) *ast.Term         { return &ast.Term{Value: ast.String(s)} }
func pVar(v string) *ast.Term         { return &ast.Term{Value: ast.Var(v)} }
func pRef(ts ...*ast.Term) *ast.Term  { return &ast.Term{Value: ast.Ref(ts)} }
func pCall(ts ...*ast.Term) *ast.Term { return &ast.Term{Value: ast.Call(ts)} }
func pArr(ts ...*ast.Term) *ast.Term  { return &ast.Term{Value: ast.NewArray(ts...)} }
func pSet(ts ...*ast.Term) *ast.Term  { return &ast.Term{Value: ast.NewSet(ts...)} }

func pObj(kvs ...[2]*ast.Term) *ast.Term { return &ast.Term{Value: ast.NewObject(kvs...)} }

func pArrC(t *ast.Term, b ast.Body) *ast.Term {
	return &ast.Term{Value: &ast.ArrayComprehension{Term: t, Body: b}}
}

func pSetC(t *ast.Term, b ast.Body) *ast.Term {
	return &ast.Term{Value: &ast.SetComprehension{Term: t, Body: b}}
}

func pObjC(k, v *ast.Term, b ast.Body) *ast.Term {
	return &ast.Term{Value: &ast.ObjectComprehension{Key: k, Value: v, Body: b}}
}

// locIn returns a constructor of locations in one file.
func locIn(file string) func(row, col int) *ast.Location {
	return func(row, col int) *ast.Location { return &ast.Location{File: file, Row: row, Col: col} }
}

// namedCapabilities narrows caps to the named builtins.
func namedCapabilities(caps *ast.Capabilities, names []string) *ast.Capabilities {
	narrowed := *caps
	narrowed.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), func(b *ast.Builtin) bool {
		_, found := slices.BinarySearch(names, b.Name)
		return !found
	})
	return &narrowed
}
