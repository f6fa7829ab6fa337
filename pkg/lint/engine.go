package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

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
}

// Engine holds the compiled rules and the prepared entry query. It is safe
// for concurrent use: prepare it once per process, check many models.
type Engine struct {
	rules     []*Rule          // loader rules, then policy rules, by code
	byPackage map[string]*Rule // policy rules by Rego package
	query     rego.PreparedEvalQuery
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
	}
	e := &Engine{byPackage: map[string]*Rule{}}
	e.rules = append(e.rules, loaderRules...)
	var policyRules []*Rule
	for _, m := range mods {
		r, err := ruleFromModule(m)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue
		}
		if prev := e.byCode(r.Code); prev != nil {
			return nil, fmt.Errorf("%s: rule code %s is already used by %s", r.File, r.Code, prev.Name)
		}
		policyRules = append(policyRules, r)
		e.rules = append(e.rules, r)
		e.byPackage[r.Package] = r
	}
	sort.Slice(e.rules, func(i, j int) bool { return e.rules[i].Code < e.rules[j].Code })

	entry, err := entryModule(policyRules)
	if err != nil {
		return nil, fmt.Errorf("entry module: %w", err)
	}
	opts2 := []func(*rego.Rego){
		rego.Query("data.crlint.entry.report"),
		rego.ParsedModule(entry),
		rego.StrictBuiltinErrors(true),
	}
	for _, m := range mods {
		opts2 = append(opts2, rego.ParsedModule(m.Module))
	}
	q, err := rego.New(opts2...).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("compile policies: %w", err)
	}
	e.query = q
	return e, nil
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
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
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
		Code: r.Code, Rule: r.Name, Severity: sev, Message: raw.Message,
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
