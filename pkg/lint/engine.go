package lint

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/crlint/crlint/policies"
)

// Options choose the rules an Engine runs.
type Options struct {
	// NoBuiltin leaves out the embedded rules (custom policies only).
	NoBuiltin bool
	// PolicyDirs are directories of custom policies (crlint rules under
	// crlint.rules., or conftest-style deny/warn/violation in package main).
	PolicyDirs []string
	// Timeout limits the evaluation of one model (0: DefaultTimeout).
	Timeout time.Duration
	// FullCompile parses and compiles the built-in rules from source even
	// when they run alone, instead of using their precompiled form (tests
	// use it to prove the two agree).
	FullCompile bool
}

// DefaultTimeout is how long the rules may take on one model.
const DefaultTimeout = 5 * time.Second

// Engine holds the compiled rules and the prepared entry query. It is safe
// for concurrent use: prepare it once per process, check many models.
type Engine struct {
	rules     []*Rule          // loader rules, then policy rules, by code
	byPackage map[string]*Rule // policy rules by Rego package (or conftest rule ref)
	// queryRules are the policy rules in the order of the entry query's
	// variables.
	queryRules []*Rule
	compiler   *ast.Compiler
	query      ast.Body
	store      storage.Store
	timeout    time.Duration
	// precompiled is true for the built-in rules compiled at build time.
	precompiled bool
}

// New parses and compiles the rules and prepares the entry query.
func New(ctx context.Context, opts Options) (*Engine, error) {
	if !opts.FullCompile && !opts.NoBuiltin && len(opts.PolicyDirs) == 0 {
		return newPrecompiled(opts.Timeout) // the built-in rules alone
	}
	var mods []Module
	root := "."
	if opts.NoBuiltin {
		root = "lib"
	}
	builtin, err := parse(policies.FS, root, "", false)
	if err != nil {
		return nil, fmt.Errorf("built-in policies: %w", err)
	}
	mods = append(mods, builtin...)
	custom := 0
	for i, dir := range opts.PolicyDirs {
		if slices.Contains(opts.PolicyDirs[:i], dir) {
			continue // -p x -p x: its rules would collide with themselves
		}
		more, err := ParseDir(dir, false)
		if err != nil {
			return nil, policyError(err)
		}
		if len(more) == 0 {
			return nil, fmt.Errorf("%s: no .rego policies found", dir)
		}
		for i := range more {
			more[i].Custom = true
		}
		mods = append(mods, more...)
		custom += len(more)
	}
	e := &Engine{byPackage: map[string]*Rule{}, timeout: opts.Timeout}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	e.rules = append(e.rules, loaderRules...)
	var policyRules []*Rule
	for _, m := range mods {
		found, err := rulesFromModule(m)
		if err != nil {
			return nil, err
		}
		for _, r := range found {
			if prev := e.byPackage[r.Package]; prev != nil {
				if r.Conftest && prev.Conftest {
					continue // package main spread over several files is one Rego rule
				}
				return nil, moduleError(m, "package %s is already the package of rule %s %s (%s)", r.Package, prev.Code, prev.Name, ruleHome(prev))
			}
			if prev := e.byCode(r.Code); prev != nil {
				return nil, moduleError(m, "rule code %s of %s is already used by %s (%s)", r.Code, r.Name, prev.Name, ruleHome(prev))
			}
			policyRules = append(policyRules, r)
			e.rules = append(e.rules, r)
			e.byPackage[r.Package] = r
		}
	}
	if len(policyRules) == 0 && custom > 0 && opts.NoBuiltin {
		return nil, fmt.Errorf("no rules found in %s: a rule is a package under crlint.rules. with a report set, or deny/warn/violation rules in package main", strings.Join(opts.PolicyDirs, ", "))
	}
	sort.SliceStable(e.rules, func(i, j int) bool { return ruleOrder(e.rules[i]) < ruleOrder(e.rules[j]) })

	e.queryRules = policyRules
	if err := e.compile(ctx, mods); err != nil {
		return nil, err
	}
	return e, nil
}

// entryQuery is the one query check evaluates per model: variable r<i>
// holds the findings of queryRules[i]. Each is a comprehension, which is
// always defined, so a custom rule that is undefined for a model cannot
// make the whole query undefined. Naming every rule in the query, rather
// than gathering them in a Rego entry rule, spares each finding a copy.
func entryQuery(rules []*Rule) (ast.Body, error) {
	var b strings.Builder
	for i, r := range rules {
		ref := r.Package + ".report"
		if r.Conftest {
			ref = r.Package
		}
		fmt.Fprintf(&b, "r%d = {f | some f in %s}\n", i, ref)
	}
	if len(rules) == 0 {
		b.WriteString("true")
	}
	return ast.ParseBodyWithOpts(b.String(), parseOptions)
}

// compile compiles every module with the sandbox's capabilities and the
// entry query once; evaluation then goes straight to topdown, without the
// rego package's per-call set-up.
func (e *Engine) compile(ctx context.Context, mods []Module) error {
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		modules[m.File] = m.Module
	}
	c := ast.NewCompiler().
		WithCapabilities(SandboxCapabilities()).
		WithEnablePrintStatements(false)
	if c.Compile(modules); c.Failed() {
		return policyError(c.Errors)
	}
	body, err := entryQuery(e.queryRules)
	if err != nil {
		return fmt.Errorf("entry query: %w", err)
	}
	q, err := c.QueryCompiler().Compile(body)
	if err != nil {
		return policyError(err)
	}
	e.compiler, e.query, e.store = c, q, inmem.New()
	return nil
}

// ruleOrder sorts rules by code, then conftest rules by name.
func ruleOrder(r *Rule) string {
	if r.Conftest {
		return "~" + r.Name
	}
	return r.Code
}

// Rules lists every rule, loader rules included, by code.
func (e *Engine) Rules() []*Rule { return e.rules }

func (e *Engine) byCode(code string) *Rule {
	for _, r := range e.rules {
		if r.Code == code {
			return r
		}
	}
	return nil
}

// Lookup finds a rule by code or name.
func (e *Engine) Lookup(codeOrName string) *Rule {
	for _, r := range e.rules {
		if r.Code == codeOrName || r.Name == codeOrName {
			return r
		}
	}
	return nil
}
