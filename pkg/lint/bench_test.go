package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/benchmodel"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
)

func benchModel(b *testing.B) []byte {
	src, err := os.ReadFile("../../examples/northbank.toml")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkNew measures parsing and compiling every built-in rule and
// preparing the entry query: the fixed cost of a process.
func BenchmarkNew(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := lint.New(ctx, lint.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewFullCompile measures the same from the policies' source,
// as a run with custom policies compiles: the cost precompiling saves.
func BenchmarkNewFullCompile(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := lint.New(ctx, lint.Options{FullCompile: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeModel measures a whole check (load, evaluate, position the
// findings) of one model of 1,000, 10,000 and 60,000 relationships
// (pkg/benchmodel): the time per relationship must stay flat. A run
// with -short stops at 10,000.
func BenchmarkLargeModel(b *testing.B) {
	ctx := context.Background()
	e, err := lint.New(ctx, lint.Options{Timeout: 10 * time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000, 60000} {
		if testing.Short() && n > 10000 {
			continue
		}
		src := benchmodel.LargeModel(n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := e.Check(ctx, model.Load("m.toml", src)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// BenchmarkLoad measures decoding and validating one model.
func BenchmarkLoad(b *testing.B) {
	src := benchModel(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		model.Load("m.toml", src)
	}
}

// BenchmarkEvaluate measures the rules on one loaded model.
func BenchmarkEvaluate(b *testing.B) {
	e := testEngine(b)
	doc := model.Load("m.toml", benchModel(b))
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.Check(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck measures load, evaluate and positioning of one model with
// findings, the per-file cost of a CI run.
func BenchmarkCheck(b *testing.B) {
	e := testEngine(b)
	src, err := os.ReadFile("../cli/testdata/golden.toml")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.CheckWith(ctx, model.Load("m.toml", src), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckParallel is BenchmarkCheck with every CPU sharing one engine.
func BenchmarkCheckParallel(b *testing.B) {
	e := testEngine(b)
	src := benchModel(b)
	ctx := context.Background()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := e.CheckWith(ctx, model.Load("m.toml", src), nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEvaluateExamples evaluates the rules on every bundled example in
// turn (models of 100–200 lines with findings), one op being all of them.
func BenchmarkEvaluateExamples(b *testing.B) {
	e := testEngine(b)
	files, _ := filepath.Glob("../../examples/*.toml")
	var docs []*model.Document
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, model.Load(f, src))
	}
	ctx := context.Background()
	for b.Loop() {
		for _, d := range docs {
			if _, err := e.Check(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
