package lint

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"
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

// Test rules are named with these prefixes, as for `opa test`.
const (
	testPrefix     = "test_"
	skipTestPrefix = "todo_test_"
)

// RunRegoTests runs every test_ rule of mods, which must include what the
// tests import (the lib, the rules they test), in this process: for the
// built-in rules. Custom policies' tests run in the policy worker
// (RunPolicyTests).
func RunRegoTests(ctx context.Context, mods []Module, timeout time.Duration) ([]TestResult, error) {
	var out []TestResult
	err := runRegoTests(ctx, mods, timeout, func(r TestResult) { out = append(out, r) })
	return out, err
}

// runRegoTests runs the tests with OPA's test semantics, handing each
// result to each as it comes: a test passes when its rule is defined and
// true; a todo_test_ rule is skipped. It evaluates with topdown directly
// rather than through OPA's tester, which would bring the rego package, the
// planner and protobuf into every crlint process, check included.
func runRegoTests(ctx context.Context, mods []Module, timeout time.Duration, each func(TestResult)) error {
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		modules[moduleKey(m)] = m.Module
	}
	// Tests run in the same sandbox as check: a test file in a pull request
	// must not reach the network or the environment either.
	compiler := ast.NewCompiler().
		WithCapabilities(SandboxCapabilities()).
		WithEnablePrintStatements(true).
		WithStageAfter(string(ast.StageResolveRefs), ast.CompilerStageDefinition{
			Name: "RenameDuplicateTests", MetricName: "compile_stage_rename_duplicate_tests", Stage: renameDuplicateTests,
		})
	if compiler.Compile(modules); compiler.Failed() {
		return policyError(compiler.Errors)
	}
	keys := make([]string, 0, len(compiler.Modules))
	for k := range compiler.Modules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	store := inmem.New()
	for _, k := range keys {
		mod := compiler.Modules[k]
		for _, rule := range mod.Rules {
			name, ref, ok := testRuleName(rule.Head)
			if !ok {
				continue
			}
			tr := TestResult{Package: mod.Package.Path.String(), Name: ref.String()}
			if loc := rule.Loc(); loc != nil {
				tr.File, tr.Line = loc.File, loc.Row
			}
			switch {
			case strings.HasPrefix(name, skipTestPrefix):
				tr.Skip = true
			case rule.Head.DocKind() == ast.PartialObjectDoc:
				tr.Err = fmt.Errorf("%s: a test with cases (%s[...]) is not supported; write one test rule per case", rule.Loc(), name)
			default:
				if err := ctx.Err(); err != nil {
					return err
				}
				start := time.Now()
				tr.Pass, tr.Err = runTest(ctx, compiler, store, mod.Package.Path.Extend(ref), timeout)
				tr.Duration = time.Since(start)
				if tr.Err != nil && ctx.Err() != nil {
					return ctx.Err()
				}
			}
			each(tr)
		}
	}
	return nil
}

// renameDuplicateTests numbers the second and later definitions of a test
// name in a package (test_x#01, ...), so that each definition runs as a test
// of its own, as `opa test` does.
func renameDuplicateTests(c *ast.Compiler) *ast.Error {
	files := make([]string, 0, len(c.Modules))
	for f := range c.Modules {
		files = append(files, f)
	}
	sort.Strings(files)
	count := map[string]int{}
	for _, f := range files {
		mod := c.Modules[f]
		for _, rule := range mod.Rules {
			name, ref, ok := testRuleName(rule.Head)
			if !ok || !strings.HasPrefix(name, testPrefix) {
				continue
			}
			key := mod.Package.Path.Extend(ref).String()
			if k, seen := count[key]; seen {
				rest := rule.Head.Ref()[len(ref):]
				renamed := fmt.Sprintf("%s#%02d", name, k)
				if len(ref) == 1 {
					ref[0] = ast.VarTerm(renamed)
				} else {
					ref[len(ref)-1] = ast.StringTerm(renamed)
				}
				rule.Head.SetRef(append(ref, rest...))
			}
			count[key]++
		}
	}
	return nil
}

// testRuleName finds the test name in a rule head's ground prefix: the
// first element starting with test_ or todo_test_, and the ref up to it.
func testRuleName(h *ast.Head) (string, ast.Ref, bool) {
	prefix := h.Ref().GroundPrefix()
	for i, t := range prefix {
		var n string
		switch v := t.Value.(type) {
		case ast.Var:
			n = string(v)
		case ast.String:
			n = string(v)
		}
		if strings.HasPrefix(n, testPrefix) || strings.HasPrefix(n, skipTestPrefix) {
			return n, prefix[:i+1], true
		}
	}
	return "", nil, false
}

// runTest evaluates one test: it passes when path is defined and true.
// A builtin error fails it with that error, as `opa test` reports it.
func runTest(ctx context.Context, c *ast.Compiler, store storage.Store, path ast.Ref, timeout time.Duration) (bool, error) {
	tctx, stop := context.WithTimeout(ctx, timeout)
	defer stop()
	v, err := evalRef(tctx, c, store, path)
	if err != nil {
		if tctx.Err() != nil && ctx.Err() == nil {
			return false, fmt.Errorf("%w: the test took longer than %s", errTimeout, timeout)
		}
		var te *topdown.Error
		if errors.As(err, &te) {
			return false, te
		}
		return false, err
	}
	return v != nil && v.Value.Compare(ast.Boolean(true)) == 0, nil
}

// evalRef evaluates the document at ref with topdown, without input, until
// ctx is done; nil when it is undefined. Builtin errors are errors.
func evalRef(ctx context.Context, c *ast.Compiler, store storage.Store, ref ast.Ref) (*ast.Term, error) {
	x := ast.VarTerm("x")
	body, err := c.QueryCompiler().Compile(ast.NewBody(ast.Equality.Expr(x, ast.NewTerm(ref))))
	if err != nil {
		return nil, err
	}
	cancel := topdown.NewCancel()
	defer context.AfterFunc(ctx, cancel.Cancel)()
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)
	rs, err := topdown.NewQuery(body).
		WithCompiler(c).
		WithStore(store).
		WithTransaction(txn).
		WithCancel(cancel).
		WithStrictBuiltinErrors(true).
		Run(ctx)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0][x.Value.(ast.Var)], nil
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
