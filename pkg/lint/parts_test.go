package lint

import (
	"context"
	"reflect"
	"runtime"
	"testing"

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
	// Split even on a machine of one CPU: the split is what is tested.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	if len(e.parts()) < 2 {
		t.Fatalf("the entry query was not split: %d parts", len(e.parts()))
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
		whole, err := e.eval(ctx, input, e.store, false)
		if err != nil {
			t.Fatal(err)
		}
		split, err := e.eval(ctx, input, e.store, true)
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
		for _, body := range e.parts() {
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

// TestBindsResult accepts the entry query's expressions and nothing else.
func TestBindsResult(t *testing.T) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, expr := range e.query {
		if !bindsResult(expr) {
			t.Errorf("entry query expression %v is not recognised", expr)
		}
	}
	for _, src := range []string{"x = {f | f := 1}", "r1 = 5", "r = {f | f := 1}", "rx = {f | f := 1}", "count([])"} {
		body, err := ast.ParseBodyWithOpts(src, parseOptions)
		if err != nil {
			t.Fatal(err)
		}
		if bindsResult(body[0]) {
			t.Errorf("%q was taken for a rule's result", src)
		}
	}
}
