package lint_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// TestGeneratedUpToDate: the committed generated files are what the
// policies generate today; after a rule changes, `make generate` (go
// generate ./pkg/lint) must be rerun.
func TestGeneratedUpToDate(t *testing.T) {
	for _, g := range []struct {
		file string
		gen  func() ([]byte, error)
	}{
		{"builtin_table.go", lint.GenerateTable},
		{"builtin_precompiled.go", lint.GeneratePrecompiled},
	} {
		want, err := g.gen()
		if err != nil {
			t.Fatalf("%s: %v", g.file, err)
		}
		got, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make generate", g.file)
		}
	}
}

// TestPrecompiledIsDeterministic: generating twice gives the same bytes, so
// the staleness test cannot flap.
func TestPrecompiledIsDeterministic(t *testing.T) {
	a, errA := lint.GeneratePrecompiled()
	b, errB := lint.GeneratePrecompiled()
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if !bytes.Equal(a, b) {
		t.Error("two generations differ")
	}
}

// TestPrecompiledAgrees: the rules compiled at build time, as a run with
// only the built-in rules uses them, and the full compile of the policies'
// source with every compiler stage give identical findings on every rule
// fixture, every example, the side-by-side benchmark's model and corpus,
// and a few hundred generated models.
func TestPrecompiledAgrees(t *testing.T) {
	ctx := context.Background()
	full, err := lint.New(ctx, lint.Options{FullCompile: true})
	if err != nil {
		t.Fatalf("full compile: %v", err)
	}
	pre := testEngine(t)
	if !lint.IsPrecompiled(pre) || lint.IsPrecompiled(full) {
		t.Fatal("the default engine must be the precompiled one, the full compile not")
	}
	if !slices.EqualFunc(full.Rules(), pre.Rules(), func(a, b *lint.Rule) bool { return reflect.DeepEqual(a, b) }) {
		t.Fatal("the two engines list different rules")
	}
	type input struct {
		name string
		src  []byte
	}
	var inputs []input
	files, _ := filepath.Glob("testdata/rules/*.toml")
	examples, _ := filepath.Glob("../../examples/*.toml")
	files = append(files, examples...)
	files = append(files, "../../../shared/bench/model.toml")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{f, src})
	}
	n := 300
	if testing.Short() {
		n = 30
	}
	for i := range n {
		inputs = append(inputs, input{fmt.Sprintf("generated-%d.toml", i), []byte(genModel(genBytes(uint64(i), 256)))})
	}
	if dir := benchCorpus(t, 20); dir != "" {
		corpus, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
		for _, f := range corpus {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, input{f, src})
		}
	}
	findings := 0
	for _, in := range inputs {
		a, errA := full.Check(ctx, model.Load(in.name, in.src))
		b, errB := pre.Check(ctx, model.Load(in.name, in.src))
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v / %v", in.name, errA, errB)
		}
		report.Sort(a)
		report.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: full compile and precompiled rules disagree:\n%v\n%v", in.name, a, b)
		}
		findings += len(a)
	}
	if findings < 10*len(inputs) {
		t.Errorf("only %d findings over %d inputs: the comparison proves little", findings, len(inputs))
	}
}

// benchCorpus writes n models of the side-by-side benchmark with its
// gen_corpus.py into a temporary directory, or skips when python3 is
// missing.
func benchCorpus(t *testing.T, n int) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Log("python3 not found: no gen_corpus.py corpus")
		return ""
	}
	dir := t.TempDir()
	out, err := exec.Command("python3", "../../../shared/bench/gen_corpus.py", dir, fmt.Sprint(n)).CombinedOutput()
	if err != nil {
		t.Fatalf("gen_corpus.py: %v\n%s", err, out)
	}
	return dir
}
