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
// tests import (the lib, the rules they test), in this process: for the
// built-in rules. Custom policies' tests run in the policy worker
// (RunPolicyTests).
func RunRegoTests(ctx context.Context, mods []Module, timeout time.Duration) ([]TestResult, error) {
	var out []TestResult
	err := runRegoTests(ctx, mods, timeout, func(r TestResult) { out = append(out, r) })
	return out, err
}

// runRegoTests runs the tests and hands each result to each as it comes.
func runRegoTests(ctx context.Context, mods []Module, timeout time.Duration, each func(TestResult)) error {
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		modules[moduleKey(m)] = m.Module
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
		return policyError(err)
	}
	for r := range ch {
		tr := TestResult{Package: r.Package, Name: r.Name, Pass: r.Pass(), Skip: r.Skip, Err: r.Error, Duration: r.Duration}
		if r.Location != nil {
			tr.File, tr.Line = r.Location.File, r.Location.Row
		}
		each(tr)
	}
	return nil
}

// moduleKey is a module's key in a compiler's module set. A custom module's
// key is apart from every built-in one ("custom/" + its path), so that a
// policy file at the path of a built-in module (rules/phases/...,
// lib/lib.rego) adds a module instead of replacing the built-in one.
func moduleKey(m Module) string {
	if m.Custom {
		return "custom/" + m.File
	}
	return m.File
}
