package lint

import (
	"context"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego test rule.
type TestResult struct {
	Package  string
	Name     string
	File     string
	Line     int
	Pass     bool
	Skip     bool
	Err      error
	Duration time.Duration
}

// RunRegoTests runs every test_ rule of mods, which must include what the
// tests import (the lib, the rules they test).
func RunRegoTests(ctx context.Context, mods []Module, timeout time.Duration) ([]TestResult, error) {
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		modules[m.File] = m.Module
	}
	ch, err := tester.NewRunner().
		SetModules(modules).
		SetTimeout(timeout).
		RaiseBuiltinErrors(true).
		RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("compile tests: %w", err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: r.Package, Name: r.Name, Pass: r.Pass(), Skip: r.Skip, Err: r.Error, Duration: r.Duration}
		if r.Location != nil {
			tr.File, tr.Line = r.Location.File, r.Location.Row
		}
		out = append(out, tr)
	}
	return out, nil
}
