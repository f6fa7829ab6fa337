package lint

import (
	"runtime"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/crlint/crlint/pkg/model"
)

// largeModel is the size from which a model's rules are evaluated on
// several CPUs at once: about 400 relationships. Below it, a model takes a
// few milliseconds and a run over many models already keeps every CPU busy
// with one model each; above it, a model alone can take seconds (60,000
// relationships: about 10 s on one CPU).
const largeModel = 64 << 10

// maxParts is the most parts a large model's rules are split into: each
// part evaluates the lib's shared documents (by_id, ...) again.
const maxParts = 4

func isLarge(doc *model.Document) bool { return len(doc.Src) >= largeModel }

// resultVar is the variable of the entry query that holds the findings of
// queryRules[i] (see entryQuery).
func resultVar(i int) ast.Var { return ast.Var("r" + strconv.Itoa(i)) }

// parts splits the compiled entry query among the CPUs: one body per part,
// each with every part-th rule, so that the costliest rules, which sit
// apart in the catalogue, fall in different parts. Each expression of the
// entry query binds one rule's variable and stands alone, so a part is a
// subset of the expressions. A query of another shape stays whole.
func (e *Engine) parts() []ast.Body {
	e.partsOnce.Do(func() {
		n := min(runtime.GOMAXPROCS(0), maxParts, len(e.query))
		e.split = []ast.Body{e.query}
		if n < 2 {
			return
		}
		for _, expr := range e.query {
			if !bindsResult(expr) {
				return
			}
		}
		split := make([]ast.Body, n)
		for i, expr := range e.query {
			p := i % n
			x := expr.Copy()
			x.Index = len(split[p])
			split[p] = append(split[p], x)
		}
		e.split = split
	})
	return e.split
}

// bindsResult reports whether expr is r<i> = <comprehension>, as entryQuery
// writes it.
func bindsResult(expr *ast.Expr) bool {
	if !expr.IsEquality() {
		return false
	}
	v, ok := expr.Operand(0).Value.(ast.Var)
	if !ok || len(v) < 2 || v[0] != 'r' {
		return false
	}
	_, err := strconv.Atoi(string(v[1:]))
	return err == nil && ast.IsComprehension(expr.Operand(1).Value)
}
