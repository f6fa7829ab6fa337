package lint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/crlint/crlint/pkg/benchmodel"
	"github.com/crlint/crlint/pkg/model"
)

// TestPartsAgree evaluates large models whole and split among CPUs, and
// requires the same results, rule by rule and finding by finding.
func TestPartsAgree(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	parts := e.bodies(nil, 2)
	if len(parts) < 2 {
		t.Fatalf("the entry query was not split: %d parts", len(parts))
	}
	for _, n := range []int{50, 1000} {
		doc := model.Load("m.toml", benchmodel.LargeModel(n))
		if doc.Input == nil {
			t.Fatalf("%d: the model did not load: %v", n, doc.Problems)
		}
		input, err := inputValue(doc.Input)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := e.eval(ctx, input, e.store, nil, 1, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		split, err := e.eval(ctx, input, e.store, nil, 2, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if len(whole) == 0 {
			t.Fatalf("%d: no rule reported anything; the comparison would prove nothing", n)
		}
		// Every rule's variable, empty sets included, is bound by exactly
		// one part, to what the whole query binds it to.
		all, err := e.evalBody(ctx, e.query, input, e.store, topdown.NewCancel())
		if err != nil {
			t.Fatal(err)
		}
		merged := map[ast.Var]*ast.Term{}
		for _, body := range parts {
			b, err := e.evalBody(ctx, body, input, e.store, topdown.NewCancel())
			if err != nil {
				t.Fatal(err)
			}
			for v, term := range b {
				if _, dup := merged[v]; dup {
					t.Errorf("%s is bound by two parts", v)
				}
				merged[v] = term
			}
		}
		for i := range e.queryRules {
			v := resultVar(i)
			if all[v] == nil || merged[v] == nil || !all[v].Equal(merged[v]) {
				t.Errorf("%d relationships: %s (%s) is %v whole and %v split", n, v, e.queryRules[i].Code, all[v], merged[v])
			}
		}
		if !reflect.DeepEqual(whole, split) {
			t.Errorf("%d relationships: split evaluation differs from the whole:\nwhole %d rules, split %d rules", n, len(whole), len(split))
		}
	}
}

// TestResultIndex accepts the entry query's expressions and nothing else.
func TestResultIndex(t *testing.T) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, expr := range e.query {
		if j, ok := resultIndex(expr); !ok || j != i {
			t.Errorf("entry query expression %d, %v, was read as %d, %v", i, expr, j, ok)
		}
	}
	for _, src := range []string{"x = {f | f := 1}", "r1 = 5", "r = {f | f := 1}", "rx = {f | f := 1}", "count([])"} {
		body, err := ast.ParseBodyWithOpts(src, parseOptions)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := resultIndex(body[0]); ok {
			t.Errorf("%q was taken for a rule's result", src)
		}
	}
}

// TestSelectionAgrees checks that evaluating only the rules that run gives
// what evaluating every rule and dropping the others gave, for the
// defaults, every rule on, and rules turned off by code, on every example
// and on a large model (split among CPUs).
func TestSelectionAgrees(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	paths, err := filepath.Glob("../../examples/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	docs := map[string]*model.Document{"large": model.Load("large.toml", benchmodel.LargeModel(1000))}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[p] = model.Load(p, src)
	}
	settings := map[string]*Settings{
		"defaults": e.defaultSettings(),
		"all on":   {Off: map[string]bool{}},
		"some off": {Off: map[string]bool{"CR201": true, "CR203": true, "CR211": true, "CR402": true}},
		"all off":  {Off: map[string]bool{}},
	}
	for _, r := range e.queryRules {
		settings["all off"].Off[r.Code] = true
	}
	skipped := 0
	for name, s := range settings {
		for p, doc := range docs {
			all, err := e.check(ctx, doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := s.apply(all)
			got, err := e.check(ctx, doc, s)
			if err != nil {
				t.Fatal(err)
			}
			got = s.apply(got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: %d findings, want %d", name, p, len(got), len(want))
			}
			if len(all) > len(want) {
				skipped++
			}
		}
		if n := countExprs(e.bodies(s, 1)); name != "all on" && n >= len(e.query) {
			t.Errorf("%s: %d of %d rules evaluated", name, n, len(e.query))
		}
	}
	if skipped == 0 {
		t.Error("no rule that does not run had findings: the comparison proved nothing")
	}
}

func countExprs(bodies []ast.Body) int {
	n := 0
	for _, b := range bodies {
		n += len(b)
	}
	return n
}

// TestLimitGrowsWithModel: the default time limit grows with the model, a
// set one does not.
func TestLimitGrowsWithModel(t *testing.T) {
	ctx := context.Background()
	def, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := New(ctx, Options{Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	small := &model.Document{Src: make([]byte, 1000)}
	big := &model.Document{Src: make([]byte, 2<<20)}
	if got := def.limit(big); got != DefaultTimeout+2*TimeoutPerMiB {
		t.Errorf("default limit for 2 MiB: %s", got)
	}
	if got := def.limit(small); got < DefaultTimeout || got > DefaultTimeout+10*time.Millisecond {
		t.Errorf("default limit for 1000 bytes: %s", got)
	}
	if got := set.limit(big); got != 2*time.Second {
		t.Errorf("set limit for 2 MiB: %s", got)
	}
}

// TestPartFailureStopsTheOthers: a part that panics becomes an error (the
// process survives, in a CI run as in the language server), and the part
// still running is cancelled rather than left to finish.
func TestPartFailureStopsTheOthers(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := model.Load("m.toml", benchmodel.LargeModel(8000))
	input, err := inputValue(doc.Input)
	if err != nil {
		t.Fatal(err)
	}
	// eq with no operands: topdown dereferences a nil term.
	broken := ast.Body{&ast.Expr{Terms: []*ast.Term{ast.RefTerm(ast.VarTerm("eq")), nil, nil}}}
	_, errs := e.evalParts(ctx, []ast.Body{e.query, broken}, input, e.store)
	if errs[1] == nil || !strings.Contains(errs[1].Error(), "internal error") {
		t.Fatalf("the broken part: %v, want an internal error", errs[1])
	}
	if !topdown.IsCancel(errs[0]) {
		t.Errorf("the whole query, beside the broken part: %v, want it cancelled", errs[0])
	}
	if err := firstError(errs); err != errs[1] {
		t.Errorf("firstError = %v, want the broken part's error, not the cancellation it caused", err)
	}
	// The same through eval, as checkOne calls it: an error, no panic.
	e.selections.Store(selectionKey(e, 2), []ast.Body{e.query, broken})
	if _, err := e.eval(ctx, input, e.store, nil, 2, time.Minute); err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("eval with a broken part: %v", err)
	}
}

// selectionKey is the key bodies files every rule's selection under for
// n parts.
func selectionKey(e *Engine, n int) string {
	return strconv.Itoa(n) + strings.Repeat("1", len(e.queryRules))
}

// TestPartsFor: a small model is one part; a large one a part a CPU, at
// most maxParts, and at most --jobs.
func TestPartsFor(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	ctx := context.Background()
	small := &model.Document{Src: make([]byte, largeModel-1)}
	large := &model.Document{Src: make([]byte, largeModel)}
	for _, c := range []struct {
		ctx  context.Context
		doc  *model.Document
		want int
	}{
		{ctx, small, 1},
		{ctx, large, maxParts},
		{context.WithValue(ctx, jobsKey{}, 1), large, 1},
		{context.WithValue(ctx, jobsKey{}, 3), large, 3},
		{context.WithValue(ctx, jobsKey{}, 16), large, maxParts},
		{context.WithValue(ctx, jobsKey{}, 16), small, 1},
	} {
		if got := partsFor(c.ctx, c.doc); got != c.want {
			t.Errorf("partsFor(jobs %v, %d bytes) = %d, want %d", c.ctx.Value(jobsKey{}), len(c.doc.Src), got, c.want)
		}
	}
}
