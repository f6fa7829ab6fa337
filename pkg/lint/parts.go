package lint

import (
	"context"
	"runtime"
	"strconv"
	"strings"

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

// partsFor is how many parts doc's rules are split into: one for a model
// under largeModel, else one a CPU, at most maxParts and at most the
// models Run checks at once (--jobs), so that -j 1 keeps to one CPU.
func partsFor(ctx context.Context, doc *model.Document) int {
	if len(doc.Src) < largeModel {
		return 1
	}
	n := min(runtime.GOMAXPROCS(0), maxParts)
	if jobs, ok := ctx.Value(jobsKey{}).(int); ok && jobs > 0 {
		n = min(n, jobs)
	}
	return n
}

// jobsKey holds, in the context of a check that Run makes, how many
// models it checks at once.
type jobsKey struct{}

// resultVar is the variable of the entry query that holds the findings of
// queryRules[i] (see entryQuery).
func resultVar(i int) ast.Var { return ast.Var("r" + strconv.Itoa(i)) }

// bodies returns the entry query to evaluate: only the expressions of the
// rules that run under s (nil: all of them), split into n parts (see
// partsFor), one body a part. Each expression of the entry query binds
// one rule's variable and stands alone, so a selection or a part is a
// subset of the expressions; a query of another shape is used whole.
// Rules that do not run are not evaluated at all: their findings would be
// dropped (Settings.apply), and a suppression of a rule that does not run
// is never reported unused. Bodies are built once per selection.
func (e *Engine) bodies(s *Settings, n int) []ast.Body {
	n = max(n, 1)
	var key strings.Builder
	key.WriteString(strconv.Itoa(n))
	skip := false
	for _, r := range e.queryRules {
		if runs(s, r) {
			key.WriteByte('1')
		} else {
			key.WriteByte('0')
			skip = true
		}
	}
	if n == 1 && !skip {
		return []ast.Body{e.query}
	}
	if v, ok := e.selections.Load(key.String()); ok {
		return v.([]ast.Body)
	}
	var exprs []*ast.Expr
	for _, expr := range e.query {
		i, ok := resultIndex(expr)
		if !ok || i >= len(e.queryRules) {
			return []ast.Body{e.query}
		}
		if runs(s, e.queryRules[i]) {
			exprs = append(exprs, expr)
		}
	}
	if len(exprs) == 0 {
		exprs = append(exprs, ast.NewExpr(ast.BooleanTerm(true)))
	}
	parts := make([]ast.Body, min(n, len(exprs)))
	// Every n-th rule a part: the two costliest rules, CR211 and CR212,
	// sit side by side in the query and so fall in different parts (on a
	// 60,000-relationship model the two parts take 3.9 and 5.3 s).
	for i, expr := range exprs {
		p := i % len(parts)
		x := expr.Copy()
		x.Index = len(parts[p])
		parts[p] = append(parts[p], x)
	}
	v, _ := e.selections.LoadOrStore(key.String(), parts)
	return v.([]ast.Body)
}

// runs reports whether rule r is evaluated under settings s (nil: every
// rule). A conftest rule's findings may carry codes of their own, which
// settings decide finding by finding, so it always runs.
func runs(s *Settings, r *Rule) bool {
	return s == nil || r.Conftest || s.Runs(r.Code)
}

// resultIndex returns i for an expression r<i> = <comprehension>, as
// entryQuery writes it.
func resultIndex(expr *ast.Expr) (int, bool) {
	if !expr.IsEquality() {
		return 0, false
	}
	v, ok := expr.Operand(0).Value.(ast.Var)
	if !ok || len(v) < 2 || v[0] != 'r' || !ast.IsComprehension(expr.Operand(1).Value) {
		return 0, false
	}
	i, err := strconv.Atoi(string(v[1:]))
	return i, err == nil && i >= 0
}
