package cli

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
)

// plan decides, for each model, which config governs it, and so which
// engine (built-in rules plus that config's policies) checks it, which rule
// settings apply and at which severity it fails. Engines are compiled once
// per distinct set of policy directories.
type plan struct {
	ctx      context.Context
	o        *checkOptions
	finder   *config.Finder
	explicit *config.Config
	engines  map[string]*lint.Engine
	settings map[*config.Config]*lint.Settings
	configs  []*config.Config // per assigned source
}

func newPlan(ctx context.Context, o *checkOptions) (*plan, error) {
	p := &plan{
		ctx: ctx, o: o, finder: config.NewFinder(),
		engines: map[string]*lint.Engine{}, settings: map[*config.Config]*lint.Settings{},
	}
	if o.config != "" {
		c, err := config.Load(o.config)
		if err != nil {
			return nil, usageError("%v", err)
		}
		p.explicit = c
	}
	return p, nil
}

// assign finds each source's config and drops walked files its exclude
// globs match. Files named on the command line are always checked.
func (p *plan) assign(sources []lint.Source) ([]lint.Source, error) {
	kept := sources[:0]
	p.configs = p.configs[:0]
	for _, s := range sources {
		c := p.explicit
		if c == nil {
			where := s.Path
			if where == "" {
				where = s.Name // stdin: its --stdin-filename says where it lives
			}
			var err error
			if c, err = p.finder.For(where); err != nil {
				return nil, usageError("%v", err)
			}
		}
		if s.Root != "" && c.Excluded(s.Path) {
			continue
		}
		kept = append(kept, s)
		p.configs = append(p.configs, c)
	}
	return kept, nil
}

// tasks gives each assigned source its engine and rule settings, and
// returns the severity at which each fails.
func (p *plan) tasks(sources []lint.Source) ([]lint.Source, []report.Severity) {
	thresholds := make([]report.Severity, len(sources))
	for i := range sources {
		c := p.configs[i]
		sources[i].Engine = p.engines[p.engineKey(c)] // compiled by prepare
		sources[i].Settings = p.settings[c]
		thresholds[i] = p.threshold(c)
	}
	return sources, thresholds
}

// prepare compiles every engine and rule settings the assigned sources
// need, so that errors in policies or configs surface before any check.
func (p *plan) prepare() error {
	if len(p.configs) == 0 {
		// Nothing to check; still compile the default rules so that a bad
		// --policy or --disable is reported.
		p.configs = append(p.configs, p.explicit)
		defer func() { p.configs = p.configs[:0] }()
	}
	for _, c := range p.configs {
		e, err := p.engine(c)
		if err != nil {
			return err
		}
		if _, ok := p.settings[c]; ok {
			continue
		}
		var rules map[string]string
		if c != nil {
			rules = c.Rules
		}
		s, err := e.Settings(rules, p.o.disable)
		if err != nil {
			if c != nil {
				return usageError("%s: %v", c.Path, err)
			}
			return usageError("%v", err)
		}
		p.settings[c] = s
	}
	return nil
}

// policyDirs are the custom policies for a config: --policy wins over the
// config's policies.
func (p *plan) policyDirs(c *config.Config) []string {
	if len(p.o.policies) > 0 || c == nil {
		return p.o.policies
	}
	return c.Policies
}

// engineKey names the engine a config needs: its policy directories.
func (p *plan) engineKey(c *config.Config) string {
	return strings.Join(p.policyDirs(c), "\x00")
}

func (p *plan) engine(c *config.Config) (*lint.Engine, error) {
	dirs := p.policyDirs(c)
	key := p.engineKey(c)
	if e, ok := p.engines[key]; ok {
		return e, nil
	}
	e, err := lint.New(p.ctx, lint.Options{NoBuiltin: p.o.noBuiltin, PolicyDirs: dirs, Timeout: p.o.timeout, MaxMemory: p.o.maxMemory << 20})
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	p.engines[key] = e
	return e, nil
}

// threshold is the severity at which a model governed by c fails.
func (p *plan) threshold(c *config.Config) report.Severity {
	if c != nil && c.FailOn != "" {
		t, _ := failThreshold(c.FailOn) // config.Load checked it
		return t
	}
	return report.Error
}

// ruleInfo lists every rule of every engine used, for formats that
// describe rules.
func (p *plan) ruleInfo() []report.RuleInfo {
	seen := map[string]bool{}
	var out []report.RuleInfo
	for _, key := range slices.Sorted(maps.Keys(p.engines)) { // a stable order for SARIF
		for _, r := range p.engines[key].Rules() {
			id := r.Code + "\x00" + r.Name
			if seen[id] {
				continue
			}
			seen[id] = true
			help := strings.TrimSpace(strings.Join([]string{r.Why, r.Fix}, " "))
			if help == "" {
				help = r.Hint
			}
			out = append(out, report.RuleInfo{Code: r.Code, Name: r.Name, Severity: r.Severity, Summary: r.Summary, Help: help})
		}
	}
	return out
}
