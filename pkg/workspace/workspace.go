// Package workspace decides how each model is checked: which config
// governs it, which engine (built-in rules plus that config's policies)
// checks it, which rule settings apply and at which severity it fails. The
// command line (check) and the language server are thin front ends over
// it, so the judgement is computed in one place.
package workspace

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// Options are a workspace's settings, usually from the command line.
type Options struct {
	// Config is a config file that governs every model, instead of the
	// .crlint.toml found by walking up from each model's directory.
	Config string
	// PolicyDirs are custom policy directories; they replace the configs'
	// policies.
	PolicyDirs []string
	// NoBuiltin runs custom policies only.
	NoBuiltin bool
	// Disable turns rules off, by code or name, over every config.
	Disable []string
	// Select runs only these rules (replacing the configs' select);
	// ExtendSelect adds rules, also those off by default.
	Select, ExtendSelect []string
	// FailOn, when set, overrides every config's fail_on: error, warning,
	// info or none.
	FailOn string
	// Timeout limits the rules on one model (0: lint.DefaultTimeout, growing
	// with the model by lint.TimeoutPerMiB).
	Timeout time.Duration
	// MaxPolicyMemory bounds each custom-policy worker, in bytes (0:
	// lint.DefaultMaxPolicyMemory).
	MaxPolicyMemory int64
	// MaxBytes is the largest file read as a model (0: lint.DefaultMaxBytes).
	MaxBytes int64
	// Jobs is how many models are checked at once (0: one per CPU).
	Jobs int
	// ForceExclude applies the configs' exclude globs to files named on the
	// command line too, and skips a named file that is no model.
	ForceExclude bool
	// Baseline is a baseline file whose findings are not reported.
	Baseline string
	// WriteBaseline is a file to write this run's findings to as a
	// baseline; no finding is then reported.
	WriteBaseline string
	// ChangedSince, a git revision, limits a batch to the models that
	// differ from it, and those under a directory whose .crlint.toml did.
	ChangedSince string
	// Shard limits a batch to one stable share of its models.
	Shard Shard
}

// Workspace holds the configs, engines and rule settings found so far,
// each computed once. It is safe for concurrent use.
type Workspace struct {
	opts     Options
	failOn   report.Severity // 0: each config's fail_on
	explicit *config.Config
	baseline *Baseline // findings not reported
	record   *Baseline // findings recorded, for WriteBaseline

	mu       sync.Mutex
	finder   *config.Finder
	engines  map[string]*lint.Engine           // by policy set (engineKey)
	settings map[*config.Config]*lint.Settings // nil key: no config
}

// New checks opts and loads the explicit config, if any. Engines are
// compiled when a model first needs them.
func New(_ context.Context, opts Options) (*Workspace, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = lint.DefaultMaxBytes
	}
	if opts.Jobs < 0 {
		return nil, fmt.Errorf("--jobs must be 0 or more, not %d", opts.Jobs)
	}
	if sh := opts.Shard; sh.Count != 0 && (sh.Count < 0 || sh.Index < 1 || sh.Index > sh.Count) {
		return nil, fmt.Errorf("--shard: %d/%d is not I/N with 1 ≤ I ≤ N", sh.Index, sh.Count)
	}
	w := &Workspace{opts: opts}
	if opts.FailOn != "" {
		t, err := ParseFailOn(opts.FailOn)
		if err != nil {
			return nil, fmt.Errorf("--fail-on: %w", err)
		}
		w.failOn = t
	}
	if opts.Config != "" {
		c, err := config.Load(opts.Config)
		if err != nil {
			return nil, err
		}
		w.explicit = c
	}
	if opts.Baseline != "" {
		b, err := LoadBaseline(opts.Baseline, true)
		if err != nil {
			return nil, err
		}
		w.baseline = b
	}
	if opts.WriteBaseline != "" {
		b, err := LoadBaseline(opts.WriteBaseline, false)
		if err != nil {
			return nil, err
		}
		w.record = b
	}
	w.reset()
	return w, nil
}

// ParseFailOn reads a fail-on level; "none" never fails.
func ParseFailOn(s string) (report.Severity, error) {
	if s == "none" {
		return report.Error + 1, nil
	}
	sev, err := report.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not one of error, warning, info, none", s)
	}
	return sev, nil
}

// Invalidate drops every cached config, engine and rule setting, so the
// next check reads .crlint.toml files and policies afresh (one changed).
func (w *Workspace) Invalidate() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.reset()
}

func (w *Workspace) reset() {
	w.finder = config.NewFinder()
	w.engines = map[string]*lint.Engine{}
	w.settings = map[*config.Config]*lint.Settings{}
}

// Result is one model checked: its findings, sorted, and the severity at
// or above which they fail the run.
type Result struct {
	// Name is what the findings call the file.
	Name string
	// Doc is the loaded model; CheckSource sets it, a batch run does not
	// keep it.
	Doc       *model.Document
	Findings  []report.Finding
	Threshold report.Severity
	// Config governs the model; nil when none was found.
	Config *config.Config
}

// Failed reports whether a finding reaches the threshold.
func (r *Result) Failed() bool {
	for _, f := range r.Findings {
		if f.Severity >= r.Threshold {
			return true
		}
	}
	return false
}

// CheckSource lints one model held in memory, named path; its config is
// found from path's directory, as for a file on disk.
func (w *Workspace) CheckSource(ctx context.Context, path string, src []byte) (*Result, error) {
	if int64(len(src)) > w.opts.MaxBytes {
		return nil, fmt.Errorf("%s: %d bytes, over the %d-byte limit for a model (--max-file-size)", path, len(src), w.opts.MaxBytes)
	}
	c, err := w.configFor(path)
	if err != nil {
		return nil, err
	}
	e, s, err := w.prepare(ctx, c)
	if err != nil {
		return nil, err
	}
	doc := model.Load(path, src)
	fs, err := e.CheckWith(ctx, doc, s)
	if err != nil {
		return nil, err
	}
	fs = w.applyBaseline(e, s, path, fs)
	report.Sort(fs)
	return &Result{Name: path, Doc: doc, Findings: fs, Threshold: w.threshold(c), Config: c}, nil
}

// CheckOpen is CheckSource for a file open in an editor: a file that its
// config excludes is loaded, for navigation and completion, but not
// linted, as in ESLint's and ruff's language servers.
func (w *Workspace) CheckOpen(ctx context.Context, path string, src []byte) (*Result, error) {
	if int64(len(src)) <= w.opts.MaxBytes {
		if c, err := w.configFor(path); err == nil && c.Excluded(path) {
			return &Result{Name: path, Doc: model.Load(path, src), Threshold: w.threshold(c), Config: c}, nil
		}
	}
	return w.CheckSource(ctx, path, src)
}

// configFor returns the config governing a model at path: the explicit
// one, or the nearest .crlint.toml above it.
func (w *Workspace) configFor(path string) (*config.Config, error) {
	if w.explicit != nil {
		return w.explicit, nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.finder.For(path)
}

// prepare returns the engine and rule settings for models governed by c,
// compiling them the first time.
func (w *Workspace) prepare(ctx context.Context, c *config.Config) (*lint.Engine, *lint.Settings, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	key := w.engineKey(c)
	e, ok := w.engines[key]
	if !ok {
		var err error
		e, err = lint.New(ctx, lint.Options{NoBuiltin: w.opts.NoBuiltin, PolicyDirs: w.policyDirs(c), Timeout: w.opts.Timeout, MaxMemory: w.opts.MaxPolicyMemory})
		if err != nil {
			return nil, nil, err
		}
		w.engines[key] = e
	}
	if s, ok := w.settings[c]; ok {
		return e, s, nil
	}
	sel := lint.Selection{FlagSelect: w.opts.Select, FlagExtendSelect: w.opts.ExtendSelect, Disable: w.opts.Disable}
	if c != nil {
		sel.Rules, sel.Select, sel.ExtendSelect = c.Rules, c.Select, c.ExtendSelect
	}
	s, err := e.NewSettings(sel)
	if err != nil {
		if c != nil {
			return nil, nil, fmt.Errorf("%s: %w", c.Path, err)
		}
		return nil, nil, err
	}
	w.settings[c] = s
	return e, s, nil
}

// Engine is the engine that checks a model at path: the built-in rules
// and the custom policies of the config that governs it, for commands that
// describe rules (rules, explain) and hover texts.
func (w *Workspace) Engine(ctx context.Context, path string) (*lint.Engine, error) {
	c, err := w.configFor(path)
	if err != nil {
		return nil, err
	}
	e, _, err := w.prepare(ctx, c)
	return e, err
}

// policyDirs are the custom policies for a config: PolicyDirs win over the
// config's policies.
func (w *Workspace) policyDirs(c *config.Config) []string {
	if len(w.opts.PolicyDirs) > 0 || c == nil {
		return w.opts.PolicyDirs
	}
	return c.Policies
}

// engineKey names the engine a config needs: its policy directories.
func (w *Workspace) engineKey(c *config.Config) string {
	return strings.Join(w.policyDirs(c), "\x00")
}

// threshold is the severity at which a model governed by c fails.
func (w *Workspace) threshold(c *config.Config) report.Severity {
	if w.failOn != 0 {
		return w.failOn
	}
	if c != nil && c.FailOn != "" {
		t, _ := ParseFailOn(c.FailOn) // config.Load checked it
		return t
	}
	return report.Error
}

// Rules lists every rule of every engine compiled so far, for formats that
// describe rules; in a stable order, for SARIF.
func (w *Workspace) Rules() []report.RuleInfo {
	w.mu.Lock()
	defer w.mu.Unlock()
	seen := map[string]bool{}
	var out []report.RuleInfo
	for _, key := range slices.Sorted(maps.Keys(w.engines)) {
		for _, r := range w.engines[key].Rules() {
			id := r.Code + "\x00" + r.Name
			if seen[id] {
				continue
			}
			seen[id] = true
			help := strings.TrimSpace(strings.Join([]string{r.Why, r.Fix}, " "))
			if help == "" {
				help = r.Hint
			}
			out = append(out, report.RuleInfo{Code: r.Code, Name: r.Name, Severity: r.Severity, Summary: r.Summary, Help: help, DefaultOff: r.DefaultOff})
		}
	}
	return out
}
