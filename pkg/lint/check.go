package lint

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// rawFinding is one element of a rule's report.
type rawFinding struct {
	Message  string
	Path     []any
	Hint     string
	Severity string
}

// CheckWith checks one model and applies settings (nil: the defaults) and
// the model's crlint:disable comments.
func (e *Engine) CheckWith(ctx context.Context, doc *model.Document, s *Settings) ([]report.Finding, error) {
	if s == nil {
		s = e.defaultSettings()
	}
	fs, err := e.check(ctx, doc, s)
	if err != nil {
		return nil, err
	}
	return s.apply(e.suppress(doc, fs, s)), nil
}

// Check returns the findings for one loaded model of the rules that are on
// by default: the loader's problems, then, when the file parsed, the rules'
// findings. A syntax error is the file's only finding. Suppression comments
// are not applied (CheckWith applies them).
func (e *Engine) Check(ctx context.Context, doc *model.Document) ([]report.Finding, error) {
	s := e.defaultSettings()
	fs, err := e.check(ctx, doc, s)
	if err != nil {
		return nil, err
	}
	return s.apply(fs), nil
}

// check returns the findings of the rules that run under s, which gives
// the rules their options (data.crlint.options); settings are not applied
// to the findings (see Settings.apply).
func (e *Engine) check(ctx context.Context, doc *model.Document, s *Settings) ([]report.Finding, error) {
	store := s.dataStore(e.store)
	out := make([]report.Finding, 0, len(doc.Problems))
	for _, p := range doc.Problems {
		r := e.byCode(p.Code)
		rng := model.Range{Start: p.Pos, End: p.Pos}
		if p.Pos.Line == 0 {
			rng = doc.Range(p.Path, p.At)
		}
		f := report.Finding{
			Code: r.Code, Rule: r.Name, Severity: r.Severity, Message: p.Message,
			File: doc.File, Path: p.Path.String(), Hint: p.Hint,
		}
		setRange(&f, doc, rng)
		if p.Fix != nil {
			f.Fix = report.Fix{From: p.Fix.From, To: p.Fix.To}
		}
		out = append(out, f)
	}
	if doc.Input == nil {
		return out, nil
	}
	input, err := inputValue(doc.Input)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	limit := e.limit(doc)
	deadline := time.Now().Add(limit)
	results, err := e.eval(ctx, input, store, s, partsFor(ctx, doc), limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	if e.custom != nil {
		// Custom policies get what the built-in rules left of the limit.
		more, err := e.custom.eval(ctx, doc.Input, e.options(ctx, store), time.Until(deadline))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", doc.File, err)
		}
		results = append(results, more...)
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

// options reads the rules' options (data.crlint.options) from a store of
// settings, to send them to the policy worker; nil in the engine's own
// store, where none is set.
func (e *Engine) options(ctx context.Context, store storage.Store) map[string]any {
	if store == e.store {
		return nil
	}
	v, err := storage.ReadOne(ctx, store, storage.MustParsePath("/crlint/options"))
	if err != nil {
		return nil
	}
	m, _ := v.(map[string]any)
	return m
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

// eval runs the entry query on one input under the time limit, split into
// parts evaluated at once (see partsFor).
func (e *Engine) eval(ctx context.Context, input ast.Value, store storage.Store, s *Settings, parts int, limit time.Duration) ([]ruleResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err // a small model may finish before topdown looks
	}
	evalCtx, stop := context.WithTimeout(ctx, limit)
	defer stop()
	bindings, errs := e.evalParts(evalCtx, e.bodies(s, parts), input, store)
	err := firstError(errs)
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case evalCtx.Err() != nil:
			return nil, fmt.Errorf("%w: the rules took longer than %s (--timeout)", errTimeout, limit.Round(time.Millisecond))
		}
		return nil, fmt.Errorf("evaluate rules: %w", err)
	}
	var out []ruleResult
	for i, r := range e.queryRules {
		var t *ast.Term
		for _, b := range bindings {
			if t = b[resultVar(i)]; t != nil {
				break
			}
		}
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

// evalParts evaluates the parts of the entry query at once, the first in
// the calling goroutine, and returns each part's bindings and error. A
// part that fails or panics (its panic becomes its error, as checkOne
// makes a panic the file's error) stops the others; all have stopped when
// it returns.
func (e *Engine) evalParts(ctx context.Context, bodies []ast.Body, input ast.Value, store storage.Store) ([]topdown.QueryResult, []error) {
	cancel := topdown.NewCancel()
	defer context.AfterFunc(ctx, cancel.Cancel)()
	bindings := make([]topdown.QueryResult, len(bodies))
	errs := make([]error, len(bodies))
	part := func(i int) {
		defer func() {
			if r := recover(); r != nil {
				errs[i] = fmt.Errorf("internal error: %v", r)
			}
			if errs[i] != nil {
				cancel.Cancel()
			}
		}()
		bindings[i], errs[i] = e.evalBody(ctx, bodies[i], input, store, cancel)
	}
	var wg sync.WaitGroup
	for i := 1; i < len(bodies); i++ {
		wg.Go(func() { part(i) })
	}
	part(0)
	wg.Wait()
	return bindings, errs
}

// firstError is the first error of the parts that is not the cancellation
// another part's failure caused, else the first error.
func firstError(errs []error) error {
	var first error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if !topdown.IsCancel(err) {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// evalBody evaluates one query body (the entry query or a part of it) and
// returns its bindings; nil when it is undefined.
func (e *Engine) evalBody(ctx context.Context, body ast.Body, input ast.Value, store storage.Store, cancel topdown.Cancel) (topdown.QueryResult, error) {
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)
	var cache topdown.VirtualCache = newItemCache()
	if e.cacheAll {
		cache = topdown.NewVirtualCache()
	}
	rs, err := topdown.NewQuery(body).
		WithCompiler(e.compiler).
		WithVirtualCache(cache).
		WithStore(store).
		WithTransaction(txn).
		WithInput(ast.NewTerm(input)).
		WithCancel(cancel).
		WithStrictBuiltinErrors(true).
		Run(ctx)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0], nil
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
		// A message may not pass itself off as another rule: a code that
		// is crlint's (CR and digits) or any rule's leaves the finding under
		// its own rule's name, message whole, so that "CR201: ..." is
		// never shown as CR201 nor hidden by --disable CR201.
		taken := func(code string) bool { return crlintCode.MatchString(code) || e.byCode(code) != nil }
		if raw, code, err = conftestFinding(r, v, taken); err != nil {
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
	f := report.Finding{
		Code: code, Rule: r.Name, Severity: sev, Message: raw.Message,
		File: doc.File, Path: path.String(), Hint: hint,
	}
	setRange(&f, doc, doc.Range(path, model.AtAuto))
	return f, nil
}

// setRange positions f at r and quotes the line it starts on.
func setRange(f *report.Finding, doc *model.Document, r model.Range) {
	f.Line, f.Column, f.EndLine, f.EndColumn = r.Start.Line, r.Start.Col, r.End.Line, r.End.Col
	f.Source, f.SourceCut, f.SourceMore = doc.Excerpt(r.Start.Line, r.Start.Col)
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

// crlintCode matches crlint's own codes, built-in now or later.
var crlintCode = regexp.MustCompile(`^CR[0-9]+$`)

// conftestFinding reads a conftest result: a string message, or an object
// with msg and an optional path. The finding's code is a code written at the
// start of the message, unless taken says another rule owns it, or else
// the rule's name.
func conftestFinding(r *Rule, v any, taken func(string) bool) (rawFinding, string, error) {
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
	if m := leadingCode.FindStringSubmatch(raw.Message); m != nil && !taken(m[1]) {
		code, raw.Message = m[1], m[2] // the code is shown once, as the code
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
