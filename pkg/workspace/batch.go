package workspace

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"sort"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
)

// Batch is the models of one run, each with the config that governs it,
// its engine and its rule settings, in name order.
type Batch struct {
	w       *Workspace
	tasks   []lint.Source
	configs []*config.Config
	// dirs are the directory arguments, each of which must hold a model.
	dirs map[string]bool
	// Errs are paths that could not be read; the rest is still checked.
	Errs []error
}

// Collect expands paths (files and directories) and in-memory sources
// (stdin) into the models to check: named once each, in name order, each
// assigned its config, walked files (and with ForceExclude named files)
// matching its exclude globs left out. Every engine and rule setting the
// models need is compiled here, so that a bad config or policy is an error
// before any model is checked.
func (w *Workspace) Collect(ctx context.Context, paths []string, mem ...lint.Source) (*Batch, error) {
	found, errs := lint.Discover(paths)
	sources := dedupe(append(slices.Clone(mem), found...))
	// Checked and reported in name order, so that findings come out sorted
	// by file however the work is spread.
	sort.SliceStable(sources, func(i, j int) bool { return sources[i].Name < sources[j].Name })
	b := &Batch{w: w, dirs: map[string]bool{}, Errs: errs}
	for _, s := range sources {
		if s.Root != "" {
			b.dirs[s.Root] = true
		}
	}
	var changed *changes
	if w.opts.ChangedSince != "" {
		var err error
		if changed, err = changedSince(ctx, w.opts.ChangedSince); err != nil {
			return nil, err
		}
	}
	for _, s := range sources {
		if !w.opts.Shard.holds(s.Name) || (changed != nil && !changed.holds(s)) {
			continue
		}
		c, err := w.configFor(where(s))
		if err != nil {
			return nil, err
		}
		if (s.Root != "" || w.opts.ForceExclude) && s.Path != "" && c.Excluded(s.Path) {
			continue
		}
		if w.opts.ForceExclude && s.Root == "" && s.Path != "" {
			// A named file is then sieved like a walked one: one that is
			// no model is skipped (Root names the file, not a directory).
			s.Root = s.Path
		}
		b.tasks = append(b.tasks, s)
		b.configs = append(b.configs, c)
	}
	if err := b.prepare(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// where is the path whose directory a source's config is found from; for
// stdin, --stdin-filename says where it lives.
func where(s lint.Source) string {
	if s.Path != "" {
		return s.Path
	}
	return s.Name
}

// prepare gives each model its engine and settings. With nothing to check
// it still compiles the default rules, so that a bad --policy or --disable
// is reported.
func (b *Batch) prepare(ctx context.Context) error {
	if len(b.tasks) == 0 {
		_, _, err := b.w.prepare(ctx, b.w.explicit)
		return err
	}
	for i, c := range b.configs {
		e, s, err := b.w.prepare(ctx, c)
		if err != nil {
			return err
		}
		b.tasks[i].Engine, b.tasks[i].Settings = e, s
	}
	return nil
}

// Paths lists the files on disk the batch will read.
func (b *Batch) Paths() []string {
	var out []string
	for _, s := range b.tasks {
		if s.Path != "" {
			out = append(out, s.Path)
		}
	}
	return out
}

// Rules lists the rules of every engine the batch uses, for formats that
// describe rules.
func (b *Batch) Rules() []report.RuleInfo { return b.w.Rules() }

// Outcome is what a batch run found beyond each file's findings.
type Outcome struct {
	// Checked names the models checked, in order.
	Checked []string
	// Failed is true when a finding reached its model's threshold.
	Failed bool
	// Errs are files that could not be read or checked, and directory
	// arguments under which no model was found; Collect's Errs come first.
	Errs []error
}

// Run checks the batch's models, Jobs at once, and hands each model's
// result to emit in name order, as soon as it and those before it are done.
// Run returns emit's first error, or ctx's.
func (b *Batch) Run(ctx context.Context, emit func(*Result) error) (*Outcome, error) {
	out := &Outcome{Errs: slices.Clone(b.Errs)}
	modelsUnder := map[string]int{} // directory argument → models found
	for _, s := range b.tasks {
		if b.dirs[s.Root] {
			modelsUnder[s.Root] += 0
		}
	}
	next := 0 // index of the next result, to find its config
	err := lint.Run(ctx, b.tasks, b.w.opts.Jobs, b.w.opts.MaxBytes, func(r lint.FileResult) error {
		c := b.configs[next]
		next++
		if r.Skipped {
			return nil
		}
		modelsUnder[r.Source.Root]++
		if r.Err != nil {
			out.Errs = append(out.Errs, r.Err)
			return nil
		}
		out.Checked = append(out.Checked, r.Source.Name)
		fs := b.w.applyBaseline(r.Source.Engine, r.Source.Settings, r.Source.Name, r.Findings)
		report.Sort(fs)
		res := &Result{Name: r.Source.Name, Findings: fs, Threshold: b.w.threshold(c), Config: c}
		out.Failed = out.Failed || res.Failed()
		return emit(res)
	})
	if err != nil {
		return nil, err
	}
	if res, err := b.w.missingFromBaseline(ctx); err != nil {
		return nil, err
	} else if res != nil {
		out.Failed = out.Failed || res.Failed()
		if err := emit(res); err != nil {
			return nil, err
		}
	}
	for _, root := range slices.Sorted(maps.Keys(modelsUnder)) {
		if b.dirs[root] && modelsUnder[root] == 0 {
			out.Errs = append(out.Errs, lint.NoModels(root))
		}
	}
	return out, nil
}

// dedupe drops a file named twice (a.toml ./a.toml, or a file and the
// directory holding it), keeping the first.
func dedupe(sources []lint.Source) []lint.Source {
	seen := map[string]bool{}
	out := sources[:0]
	for _, s := range sources {
		if s.Path != "" {
			key := filepath.Clean(s.Path)
			if abs, err := filepath.Abs(key); err == nil {
				key = abs
			}
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, s)
	}
	return out
}
