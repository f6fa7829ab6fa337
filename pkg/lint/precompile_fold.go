package lint

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

// foldConstants replaces every complete rule whose value depends on no
// input and no data but other such rules (the lib's tables, and those built
// from them, such as the summary phrases indexed by first word) by its
// value, computed once here at build time instead of once per model. It
// returns the folded rules' refs.
func foldConstants(c *ast.Compiler) ([]string, error) {
	// The candidates: the one definition of a complete rule, without else
	// or default, whose body calls only deterministic builtins and has no
	// with modifier.
	defs := map[string]int{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			defs[fullRef(m, r).String()]++
		}
	}
	candidates := map[string]*ast.Rule{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			ref := fullRef(m, r)
			if len(r.Head.Args) > 0 || r.Head.DocKind() != ast.CompleteDoc || !ref.IsGround() ||
				r.Else != nil || r.Default || defs[ref.String()] != 1 || !pureBody(r) {
				continue
			}
			candidates[ref.String()] = r
		}
	}
	// Constant: every data reference names a constant rule; no input.
	constant := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for name, r := range candidates {
			if !constant[name] && readsOnly(r, constant) {
				constant[name] = true
				changed = true
			}
		}
	}
	store := inmem.New()
	var folded []string
	for _, file := range slices.Sorted(maps.Keys(c.Modules)) {
		m := c.Modules[file]
		for _, r := range m.Rules {
			name := fullRef(m, r).String()
			if !constant[name] {
				continue
			}
			v, err := evalRef(context.Background(), c, store, fullRef(m, r))
			if err != nil {
				return nil, fmt.Errorf("fold %s: %w", name, err)
			}
			if v == nil {
				continue // undefined: leave it as written
			}
			r.Head.Value = v
			r.Body = ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))
			r.Body[0].Location = r.Location
			folded = append(folded, name)
		}
	}
	return folded, nil
}

// fullRef is the path of a rule from data: its package and head.
func fullRef(m *ast.Module, r *ast.Rule) ast.Ref {
	return m.Package.Path.Extend(r.Head.Ref())
}

// pureBody holds when a rule has no with modifier and calls only
// deterministic builtins (no function of the policies).
func pureBody(r *ast.Rule) bool {
	pure := true
	ast.WalkExprs(r, func(x *ast.Expr) bool {
		if len(x.With) > 0 {
			pure = false
		}
		if x.IsCall() && !deterministicBuiltin(x.Operator()) {
			pure = false
		}
		return !pure
	})
	ast.WalkTerms(r, func(t *ast.Term) bool {
		if call, ok := t.Value.(ast.Call); ok && len(call) > 0 {
			if ref, ok := call[0].Value.(ast.Ref); !ok || !deterministicBuiltin(ref) {
				pure = false
			}
		}
		return !pure
	})
	return pure
}

func deterministicBuiltin(op ast.Ref) bool {
	b, ok := ast.BuiltinMap[op.String()]
	return ok && !b.Nondeterministic && b.Name != "print" && b.Name != "internal.print"
}

// readsOnly holds when every data reference of r names one of the constant
// rules (or a key below one), and r reads no input.
func readsOnly(r *ast.Rule, constant map[string]bool) bool {
	ok := true
	ast.WalkRefs(r.Body, func(ref ast.Ref) bool {
		switch {
		case ref.HasPrefix(ast.InputRootRef):
			ok = false
		case ref.HasPrefix(ast.DefaultRootRef):
			found := false
			for i := len(ref); i > 1 && !found; i-- {
				found = ref[:i].IsGround() && constant[ref[:i].String()]
			}
			ok = ok && found
		}
		return !ok
	})
	if r.Head.Value != nil {
		ast.WalkRefs(r.Head.Value, func(ref ast.Ref) bool {
			if ref.HasPrefix(ast.InputRootRef) || ref.HasPrefix(ast.DefaultRootRef) {
				ok = false
			}
			return !ok
		})
	}
	return ok
}
