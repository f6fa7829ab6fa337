package planspike_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/crlint/crlint/pkg/benchmodel"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/planspike"
	"github.com/crlint/crlint/policies"
)

// topdownEval compiles the built-in rules and evaluates the spike's three
// report sets with topdown.
type topdownEval struct {
	c     *ast.Compiler
	query ast.Body
	names []string
}

func newTopdown(t testing.TB) *topdownEval {
	mods, err := lint.ParseFS(policies.FS, ".", false)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, m := range mods {
		modules[m.File] = m.Module
	}
	c := ast.NewCompiler().WithCapabilities(lint.SandboxCapabilities())
	if c.Compile(modules); c.Failed() {
		t.Fatal(c.Errors)
	}
	te := &topdownEval{c: c}
	var q []string
	for name := range planspike.Plans {
		te.names = append(te.names, name)
	}
	for i, name := range te.names {
		ref := "data." + strings.ReplaceAll(strings.TrimSuffix(name, "/report"), "/", ".")
		// crlint/rules/x/y-z → data.crlint.rules.x["y-z"]
		parts := strings.Split(strings.TrimSuffix(name, "/report"), "/")
		ref = "data." + strings.Join(parts[:len(parts)-1], ".") + fmt.Sprintf("[%q].report", parts[len(parts)-1])
		q = append(q, fmt.Sprintf("r%d = %s", i, ref))
	}
	body, err := c.QueryCompiler().Compile(ast.MustParseBody(strings.Join(q, "; ")))
	if err != nil {
		t.Fatal(err)
	}
	te.query = body
	return te
}

func (te *topdownEval) eval(t testing.TB, input ast.Value) map[string]ast.Value {
	ctx := context.Background()
	store := inmem.New()
	txn, _ := store.NewTransaction(ctx)
	rs, err := topdown.NewQuery(te.query).WithCompiler(te.c).WithStore(store).WithTransaction(txn).WithInput(ast.NewTerm(input)).Run(ctx)
	if err != nil || len(rs) != 1 {
		t.Fatalf("topdown: %v (%d results)", err, len(rs))
	}
	out := map[string]ast.Value{}
	for i, name := range te.names {
		out[name] = rs[0][ast.Var(fmt.Sprintf("r%d", i))].Value
	}
	return out
}

func nativeEval(t testing.TB, input ast.Value) map[string]ast.Value {
	out := map[string]ast.Value{}
	e := planspike.NewEval(context.Background(), input) // rules without arguments are computed once
	for name, plan := range planspike.Plans {
		res := plan(e)
		if e.Err != nil || res == nil {
			t.Fatalf("%s: %v (result %v)", name, e.Err, res)
		}
		out[name] = res.Value.(ast.Object).Get(ast.StringTerm("result")).Value
	}
	return out
}

func inputs(t testing.TB) map[string]ast.Value {
	files, _ := filepath.Glob("../../pkg/lint/testdata/rules/*.toml")
	ex, _ := filepath.Glob("../../examples/*.toml")
	files = append(append(files, ex...), "../../../shared/bench/model.toml")
	srcs := map[string][]byte{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = src
	}
	for _, n := range []int{1, 7, 50, 1000} {
		srcs[fmt.Sprintf("large-%d", n)] = benchmodel.LargeModel(n)
	}
	out := map[string]ast.Value{}
	for name, src := range srcs {
		doc := model.Load(name, src)
		if doc.Input == nil {
			continue
		}
		v, err := ast.InterfaceToValue(doc.Input)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = v
	}
	return out
}

// TestNativeAgrees: the three rules written out as Go from their plan give
// the same report sets as topdown on every fixture, example and generated
// large model.
func TestNativeAgrees(t *testing.T) {
	te := newTopdown(t)
	findings := 0
	for name, in := range inputs(t) {
		want, got := te.eval(t, in), nativeEval(t, in)
		for rule, w := range want {
			if w.Compare(got[rule]) != 0 {
				t.Errorf("%s: %s differs:\ntopdown %v\nnative  %v", name, rule, w, got[rule])
			}
			findings += w.(ast.Set).Len()
		}
	}
	if findings < 100 {
		t.Errorf("only %d findings: the comparison proves little", findings)
	}
}

// BenchmarkSpike evaluates the three rules with topdown and natively on the
// side-by-side model and on large models.
func BenchmarkSpike(b *testing.B) {
	te := newTopdown(b)
	srcs := map[string][]byte{"items=1000": benchmodel.LargeModel(1000)}
	if src, err := os.ReadFile("../../../shared/bench/model.toml"); err == nil {
		srcs["bench-model"] = src
	}
	for _, name := range []string{"bench-model", "items=1000"} {
		in, err := ast.InterfaceToValue(model.Load(name, srcs[name]).Input)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/topdown", func(b *testing.B) {
			for b.Loop() {
				te.eval(b, in)
			}
		})
		b.Run(name+"/native", func(b *testing.B) {
			for b.Loop() {
				nativeEval(b, in)
			}
		})
	}
}

// TestSpikeRatio times topdown and the native code in alternation (the
// machine is shared: a ratio within a pair cancels its drift) and logs the
// median ratio per input. It asserts nothing about time; run with -v and
// SPIKE_RATIO=1.
func TestSpikeRatio(t *testing.T) {
	if os.Getenv("SPIKE_RATIO") == "" {
		t.Skip("set SPIKE_RATIO=1 to measure")
	}
	te := newTopdown(t)
	srcs := map[string][]byte{"items=1000": benchmodel.LargeModel(1000), "items=100": benchmodel.LargeModel(100)}
	if src, err := os.ReadFile("../../../shared/bench/model.toml"); err == nil {
		srcs["bench-model"] = src
	}
	for name, src := range srcs {
		in, err := ast.InterfaceToValue(model.Load(name, src).Input)
		if err != nil {
			t.Fatal(err)
		}
		reps := max(1, 200000/len(src))
		var ratios []float64
		var tdTotal, nvTotal time.Duration
		for range 21 {
			start := time.Now()
			for range reps {
				te.eval(t, in)
			}
			td := time.Since(start)
			start = time.Now()
			for range reps {
				nativeEval(t, in)
			}
			nv := time.Since(start)
			ratios = append(ratios, float64(td)/float64(nv))
			tdTotal += td
			nvTotal += nv
		}
		slices.Sort(ratios)
		t.Logf("%s: topdown ÷ native = %.2f (median of 21 pairs); per eval topdown %s, native %s",
			name, ratios[10], tdTotal/time.Duration(21*reps), nvTotal/time.Duration(21*reps))
	}
}
