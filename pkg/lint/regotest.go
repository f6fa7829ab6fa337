package lint

import (
	"context"
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
	// Tests run in the same sandbox as check: a test file in a pull request
	// must not reach the network or the environment either.
	compiler := ast.NewCompiler().
		WithCapabilities(SandboxCapabilities()).
		WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(modules).
		SetTimeout(timeout).
		RaiseBuiltinErrors(true).
		RunTests(ctx, nil)
	if err != nil {
		return nil, policyError(err)
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
