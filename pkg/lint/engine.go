package lint

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
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
	// FullCompile runs every compiler check even for the built-in rules
	// alone (tests use it to prove the fast path agrees).
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
	// fullCompile runs every compiler stage even without custom policies.
	fullCompile bool
}

// New parses and compiles the rules and prepares the entry query.
func New(ctx context.Context, opts Options) (*Engine, error) {
	var mods []Module
	root := "."
	if opts.NoBuiltin {
		root = "lib"
	}
	// Without custom policies the built-in rules' metadata comes from the
	// generated table; with them, everything is parsed in full.
	plain := !opts.FullCompile && len(opts.PolicyDirs) == 0
	builtin, err := parse(policies.FS, root, "", false, plain)
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
	e := &Engine{byPackage: map[string]*Rule{}, timeout: opts.Timeout, fullCompile: opts.FullCompile}
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
	if err := e.compile(ctx, mods, custom > 0); err != nil {
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

// checkOnlyStages are compiler stages that only look for mistakes. The
// built-in rules are compiled with every stage by the tests (TestRego and
// TestFastCompileAgrees), so a run with no custom policy skips them to
// start faster; custom policies always get the full compile, which is also
// what refuses a sandboxed builtin.
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
		modules[m.File] = m.Module
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

// rawFinding is one element of a rule's report.
type rawFinding struct {
	Message  string
	Path     []any
	Hint     string
	Severity string
}

// CheckWith checks one model and applies settings and the model's
// crlint:disable comments.
func (e *Engine) CheckWith(ctx context.Context, doc *model.Document, s *Settings) ([]report.Finding, error) {
	fs, err := e.Check(ctx, doc)
	if err != nil {
		return nil, err
	}
	return s.apply(e.suppress(doc, fs, s)), nil
}

// Check returns the findings for one loaded model: the loader's problems,
// then, when the file parsed, the rules' findings. A syntax error is the
// file's only finding.
func (e *Engine) Check(ctx context.Context, doc *model.Document) ([]report.Finding, error) {
	out := make([]report.Finding, 0, len(doc.Problems))
	for _, p := range doc.Problems {
		r := e.byCode(p.Code)
		pos := p.Pos
		if pos.Line == 0 {
			pos = doc.Locate(p.Path, p.At)
		}
		out = append(out, report.Finding{
			Code: r.Code, Rule: r.Name, Severity: r.Severity, Message: p.Message,
			File: doc.File, Line: pos.Line, Column: pos.Col, Path: p.Path.String(), Hint: p.Hint,
			Source: doc.Line(pos.Line),
		})
	}
	if doc.Input == nil {
		return out, nil
	}
	input, err := inputValue(doc.Input)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	results, err := e.eval(ctx, input)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	for _, res := range results {
		for _, v := range res.values {
			f, err := e.finding(doc, res.rule, v)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// decodeRaw reads one element of the entry report as rules return it.
func decodeRaw(v any) (rawFinding, error) {
	var raw rawFinding
	m, ok := v.(map[string]any)
	if !ok {
		return raw, fmt.Errorf("not an object")
	}
	var err error
	for _, f := range [...]struct {
		key string
		dst *string
	}{{"message", &raw.Message}, {"hint", &raw.Hint}, {"severity", &raw.Severity}} {
		if x, present := m[f.key]; present {
			s, ok := x.(string)
			if !ok {
				err = fmt.Errorf("%s is not a string", f.key)
			}
			*f.dst = s
		}
	}
	if err != nil {
		return raw, err
	}
	if p, present := m["path"]; present {
		arr, ok := p.([]any)
		if !ok {
			return raw, fmt.Errorf("path is not an array")
		}
		raw.Path = arr
	}
	return raw, nil
}

// errTimeout is returned when the rules take longer than the time limit.
var errTimeout = errors.New("time limit exceeded")

// eval runs the entry query on one input under the time limit.
func (e *Engine) eval(ctx context.Context, input ast.Value) ([]ruleResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err // a small model may finish before topdown looks
	}
	evalCtx, stop := context.WithTimeout(ctx, e.timeout)
	defer stop()
	cancel := topdown.NewCancel()
	defer context.AfterFunc(evalCtx, cancel.Cancel)()
	txn, err := e.store.NewTransaction(evalCtx)
	if err != nil {
		return nil, err
	}
	defer e.store.Abort(evalCtx, txn)
	rs, err := topdown.NewQuery(e.query).
		WithCompiler(e.compiler).
		WithStore(e.store).
		WithTransaction(txn).
		WithInput(ast.NewTerm(input)).
		WithCancel(cancel).
		WithStrictBuiltinErrors(true).
		Run(evalCtx)
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case evalCtx.Err() != nil:
			return nil, fmt.Errorf("%w: the rules took longer than %s (--timeout); a custom policy may loop or scan too much", errTimeout, e.timeout)
		}
		return nil, fmt.Errorf("evaluate rules: %w", err)
	}
	if len(rs) == 0 {
		return nil, nil
	}
	var out []ruleResult
	for i, r := range e.queryRules {
		t := rs[0][ast.Var(fmt.Sprintf("r%d", i))]
		if t == nil {
			continue
		}
		set, ok := t.Value.(ast.Set)
		if !ok || set.Len() == 0 {
			continue
		}
		v, err := ast.JSON(set)
		if err != nil {
			return nil, fmt.Errorf("rule %s returned %v: %w", r.Name, t, err)
		}
		out = append(out, ruleResult{r, v.([]any)})
	}
	return out, nil
}

// ruleResult is what one rule returned for a model.
type ruleResult struct {
	rule   *Rule
	values []any
}

// finding positions one rule result.
func (e *Engine) finding(doc *model.Document, r *Rule, v any) (report.Finding, error) {
	var raw rawFinding
	var err error
	code := r.Code
	if r.Conftest {
		if raw, code, err = conftestFinding(r, v); err != nil {
			return report.Finding{}, fmt.Errorf("%s: %s (%s): %w", doc.File, r.Name, r.File, err)
		}
	} else if raw, err = decodeRaw(v); err != nil {
		return report.Finding{}, fmt.Errorf("%s: rule %s (%s) returned a malformed finding %v: %v", doc.File, r.Code, r.Name, v, err)
	}
	path, err := toPath(raw.Path)
	path = doc.Written(path)
	if err != nil {
		return report.Finding{}, fmt.Errorf("%s: rule %s (%s): %w", doc.File, r.Code, r.Name, err)
	}
	sev := r.Severity
	if raw.Severity != "" {
		if sev, err = report.ParseSeverity(raw.Severity); err != nil {
			return report.Finding{}, fmt.Errorf("%s: rule %s (%s): %w", doc.File, r.Code, r.Name, err)
		}
	}
	hint := raw.Hint
	if hint == "" {
		hint = r.Hint
	}
	pos := doc.Locate(path, model.AtAuto)
	return report.Finding{
		Code: code, Rule: r.Name, Severity: sev, Message: raw.Message,
		File: doc.File, Line: pos.Line, Column: pos.Col, Path: path.String(), Hint: hint,
		Source: doc.Line(pos.Line),
	}, nil
}

// toPath converts a rule's path (strings and numbers) into a model.Path.
func toPath(raw []any) (model.Path, error) {
	p := make(model.Path, len(raw))
	for i, el := range raw {
		switch x := el.(type) {
		case string:
			p[i] = x
		case float64:
			p[i] = int(x)
		case json.Number:
			n, err := x.Int64()
			if err != nil {
				return nil, fmt.Errorf("path element %v is not an index", x)
			}
			p[i] = int(n)
		default:
			return nil, fmt.Errorf("path element %v is neither a key nor an index", el)
		}
	}
	return p, nil
}

// leadingCode finds a code at the start of a conftest message: "CR901:
// ...", "[CR901] ..." or "CR901 - ...".
var leadingCode = regexp.MustCompile(`^\[?([A-Z][A-Z0-9]*[-_]?[0-9]+)\]?\s*[:\-]?\s+(.*)$`)

// conftestFinding reads a conftest result: a string message, or an object
// with msg and an optional path. The finding's code is a code written at the
// start of the message, or else the rule's name.
func conftestFinding(r *Rule, v any) (rawFinding, string, error) {
	var raw rawFinding
	switch x := v.(type) {
	case string:
		raw.Message = x
	case map[string]any:
		msg, ok := x["msg"].(string)
		if !ok {
			return raw, "", fmt.Errorf("result %v has no msg string", v)
		}
		raw.Message = msg
		if p, ok := x["path"].([]any); ok {
			raw.Path = p
		}
	default:
		return raw, "", fmt.Errorf("result %v is neither a string nor an object with msg", v)
	}
	code := r.Name
	if m := leadingCode.FindStringSubmatch(raw.Message); m != nil {
		code = m[1]
	}
	return raw, code, nil
}

// inputValue converts a normalised model (maps, slices, strings, booleans)
// into a Rego value directly; it is a few times cheaper than the reflective
// ast.InterfaceToValue, which it falls back to for anything else.
func inputValue(v any) (ast.Value, error) {
	switch x := v.(type) {
	case string:
		return ast.String(x), nil
	case bool:
		return ast.Boolean(x), nil
	case []any:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			ev, err := inputValue(e)
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(ev)
		}
		return ast.NewArray(terms...), nil
	case map[string]any:
		obj := ast.NewObjectWithCapacity(len(x))
		for k, e := range x {
			ev, err := inputValue(e)
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.StringTerm(k), ast.NewTerm(ev))
		}
		return obj, nil
	}
	return ast.InterfaceToValue(v)
}
