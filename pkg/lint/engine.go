package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

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
}

// DefaultTimeout is how long the rules may take on one model.
const DefaultTimeout = 5 * time.Second

// Engine holds the compiled rules and the prepared entry query. It is safe
// for concurrent use: prepare it once per process, check many models.
type Engine struct {
	rules     []*Rule          // loader rules, then policy rules, by code
	byPackage map[string]*Rule // policy rules by Rego package (or conftest rule ref)
	query     rego.PreparedEvalQuery
	timeout   time.Duration
}

// New parses and compiles the rules and prepares the entry query.
func New(ctx context.Context, opts Options) (*Engine, error) {
	var mods []Module
	if !opts.NoBuiltin {
		builtin, err := ParseFS(policies.FS, ".", false)
		if err != nil {
			return nil, fmt.Errorf("built-in policies: %w", err)
		}
		mods = append(mods, builtin...)
	} else {
		lib, err := ParseFS(policies.FS, "lib", false)
		if err != nil {
			return nil, fmt.Errorf("built-in lib: %w", err)
		}
		mods = append(mods, lib...)
	}
	custom := 0
	for _, dir := range opts.PolicyDirs {
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
			if r.Code != "" {
				if prev := e.byCode(r.Code); prev != nil {
					where := "a built-in rule"
					if prev.File != "" {
						where = prev.File
					}
					return nil, fmt.Errorf("%s: rule code %s of %s is already used by %s (%s)", r.File, r.Code, r.Name, prev.Name, where)
				}
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

	entry, err := entryModule(policyRules)
	if err != nil {
		return nil, fmt.Errorf("entry module: %w", err)
	}
	regoOpts := []func(*rego.Rego){
		rego.Query("data.crlint.entry.report"),
		rego.ParsedModule(entry),
		rego.StrictBuiltinErrors(true),
		rego.Capabilities(SandboxCapabilities()),
		rego.Runtime(ast.NewTerm(ast.NewObject())),
		rego.EnablePrintStatements(false),
	}
	for _, m := range mods {
		regoOpts = append(regoOpts, rego.ParsedModule(m.Module))
	}
	q, err := rego.New(regoOpts...).PrepareForEval(ctx)
	if err != nil {
		return nil, policyError(err)
	}
	e.query = q
	return e, nil
}

// ruleOrder sorts rules by code, then conftest rules (no code) by name.
func ruleOrder(r *Rule) string {
	if r.Code == "" {
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

// rawFinding is one element of data.crlint.entry.report.
type rawFinding struct {
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Path     []any  `json:"path"`
	Hint     string `json:"hint"`
	Severity string `json:"severity"`
	// Conftest is what a deny/warn/violation rule produced: a string, or an
	// object with msg and optionally path.
	Conftest any `json:"conftest"`
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
	input, err := ast.InterfaceToValue(doc.Input)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	evalCtx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	rs, err := e.query.Eval(evalCtx, rego.EvalParsedInput(input))
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if evalCtx.Err() != nil {
			return nil, fmt.Errorf("%s: the rules took longer than %s (--timeout); a custom policy may loop or scan too much", doc.File, e.timeout)
		}
		return nil, fmt.Errorf("%s: evaluate rules: %w", doc.File, err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return out, nil
	}
	set, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: rules returned %T, not a set", doc.File, rs[0].Expressions[0].Value)
	}
	for _, v := range set {
		f, err := e.finding(doc, v)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// finding positions one rule result.
func (e *Engine) finding(doc *model.Document, v any) (report.Finding, error) {
	var raw rawFinding
	b, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(b, &raw)
	}
	r := e.byPackage[raw.Rule]
	if err != nil || r == nil {
		return report.Finding{}, fmt.Errorf("%s: rule %s returned a malformed finding %v", doc.File, raw.Rule, v)
	}
	code := r.Code
	if r.Conftest {
		if raw, code, err = conftestFinding(r, raw.Conftest); err != nil {
			return report.Finding{}, fmt.Errorf("%s: %s (%s): %w", doc.File, r.Name, r.File, err)
		}
	}
	path, err := toPath(raw.Path)
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
