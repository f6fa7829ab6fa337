package lint

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/policies"
)

// Options choose the rules an Engine runs.
type Options struct {
	// NoBuiltin leaves out the embedded rules (custom policies only).
	NoBuiltin bool
	// PolicyDirs are directories of custom policies (crlint rules under
	// crlint.rules., or conftest-style deny/warn/violation in package main).
	PolicyDirs []string
	// Timeout limits the evaluation of one model (0: DefaultTimeout, plus
	// TimeoutPerMiB for each MiB of the model).
	Timeout time.Duration
	// FullCompile parses and compiles the built-in rules from source, with
	// every compiler stage, instead of using their precompiled form (tests
	// use it to prove the two agree).
	FullCompile bool
	// MaxMemory bounds a policy worker's memory (0: DefaultMaxPolicyMemory).
	MaxMemory int64
}

// DefaultTimeout is how long the rules may take on one model, unless a
// limit is set, to which TimeoutPerMiB is added for each MiB of the model.
// The built-in rules are linear in the model's size (60,000 relationships,
// 5.7 MB, take about 8 s on two CPUs), so that a default limit that did
// not grow would fail a large model that is merely large; a set limit
// (--timeout) is used as it is.
const (
	DefaultTimeout = 5 * time.Second
	TimeoutPerMiB  = 3 * time.Second
)

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
	// growTimeout adds TimeoutPerMiB of the model to timeout (no limit
	// was set).
	growTimeout bool
	// fullCompile runs every compiler stage even without custom policies.
	fullCompile bool
	// custom evaluates the custom policies in worker processes; nil without
	// policy directories.
	custom *isolated
	// precompiled is true for the built-in rules compiled at build time.
	precompiled bool
	// cacheAll keeps topdown's virtual cache whole (custom policies),
	// rather than itemCache.
	cacheAll bool
	// selections caches the entry query's bodies by the rules that run and
	// the parts of a large model (see bodies).
	selections sync.Map
}

// New parses and compiles the rules and prepares the entry query. Custom
// policies (PolicyDirs) are read here within the trust boundary, but
// parsed, compiled and evaluated only in a policy worker process, under
// the time and memory limits (isolate.go); this process never compiles
// them beside the built-in rules.
func New(ctx context.Context, opts Options) (*Engine, error) {
	if !opts.FullCompile && !opts.NoBuiltin {
		// The built-in rules as compiled at build time (precompile.go).
		e, err := newPrecompiled(opts.Timeout)
		if err != nil {
			return nil, err
		}
		return e, e.addCustom(ctx, opts)
	}
	root := "."
	if opts.NoBuiltin {
		root = "lib"
	}
	// The built-in rules' metadata comes from the generated table.
	builtin, err := parse(policies.FS, root, "", false, !opts.FullCompile)
	if err != nil {
		return nil, fmt.Errorf("built-in policies: %w", err)
	}
	e := &Engine{byPackage: map[string]*Rule{}, timeout: opts.Timeout, fullCompile: opts.FullCompile}
	if e.timeout <= 0 {
		e.timeout, e.growTimeout = DefaultTimeout, true
	}
	e.rules = append(e.rules, loaderRules...)
	policyRules, err := e.addRules(builtin)
	if err != nil {
		return nil, err
	}
	if err := e.addCustom(ctx, opts); err != nil {
		return nil, err
	}
	e.queryRules = policyRules
	if err := e.compile(ctx, builtin, false); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// addCustom starts the policy workers of opts.PolicyDirs, if any, and adds
// their rules to the engine's list.
func (e *Engine) addCustom(ctx context.Context, opts Options) error {
	if len(opts.PolicyDirs) > 0 {
		iso, err := newIsolated(ctx, opts)
		if err != nil {
			return err
		}
		for _, r := range iso.rules {
			e.rules = append(e.rules, r)
			e.byPackage[r.Package] = r
		}
		e.custom = iso
	}
	sort.SliceStable(e.rules, func(i, j int) bool { return ruleOrder(e.rules[i]) < ruleOrder(e.rules[j]) })
	return nil
}

// Close stops the engine's policy workers, if any. An engine left open
// stops them after a few idle seconds, or when the process exits.
func (e *Engine) Close() {
	if e.custom != nil {
		e.custom.close()
	}
}

// addRules reads the rules of mods into the engine, refusing a package or
// code already taken, and returns them.
func (e *Engine) addRules(mods []Module) ([]*Rule, error) {
	var added []*Rule
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
			added = append(added, r)
			e.rules = append(e.rules, r)
			e.byPackage[r.Package] = r
		}
	}
	return added, nil
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

// checkOnlyStages are compiler stages that only look for mistakes. A run
// of the lib alone (--no-builtin, where the precompiled rules do not
// apply) skips them to start faster; the built-in rules are compiled with
// every stage at build time and by the tests (TestRego, TestPrecompiledAgrees),
// and custom policies always get the full compile, which is also what
// refuses a sandboxed builtin.
var checkOnlyStages = []ast.StageID{
	ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckRecursion,
	ast.StageCheckTypes, ast.StageCheckUnsafeBuiltins, ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
}

// compile compiles every module with the sandbox's capabilities and the
// entry query once; evaluation then goes straight to topdown, without the
// rego package's per-call set-up.
func (e *Engine) compile(ctx context.Context, mods []Module, full bool) error {
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		modules[moduleKey(m)] = m.Module
	}
	caps := SandboxCapabilities()
	fast := !full && !e.fullCompile
	if fast {
		caps = usedCapabilities(caps, mods)
	}
	c := ast.NewCompiler().
		WithCapabilities(caps).
		WithEnablePrintStatements(false)
	if fast {
		c = c.WithSkipStages(checkOnlyStages...)
	}
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

// limit is the time the rules may take on doc.
func (e *Engine) limit(doc *model.Document) time.Duration {
	if !e.growTimeout {
		return e.timeout
	}
	return e.timeout + time.Duration(float64(TimeoutPerMiB)*float64(len(doc.Src))/(1<<20))
}
