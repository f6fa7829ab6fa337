package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/crlint/crlint/pkg/fix"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/pkg/workspace"
)

// fixer applies the safe fixes of each checked model before its findings
// are reported (--fix), or prints them as a unified diff and changes
// nothing (--diff). A nil fixer does nothing.
type fixer struct {
	ws       *workspace.Workspace
	stdin    []lint.Source
	write    bool      // --fix: write fixed models back
	diff     io.Writer // --diff: where the diff goes
	maxBytes int64
	// failed is true when a finding left after fixing reaches its
	// threshold; with --diff, when some model has a safe fix.
	failed bool
	errs   []error // models that could not be fixed
	fixed  int     // safe fixes written (--fix)
}

// count is how many safe fixes were written.
func (x *fixer) count() int {
	if x == nil {
		return 0
	}
	return x.fixed
}

// newFixer returns the fixer for --fix or --diff, or nil.
func newFixer(o *checkOptions, ws *workspace.Workspace, stdin []lint.Source) *fixer {
	if !o.fix && !o.diff {
		return nil
	}
	return &fixer{ws: ws, stdin: stdin, write: o.fix, maxBytes: o.maxBytes}
}

// apply fixes one model. With --fix the result's findings become those
// left after fixing; a model that cannot be fixed keeps its findings and
// is reported as an error.
func (x *fixer) apply(ctx context.Context, r *workspace.Result) {
	if x == nil {
		return
	}
	if err := x.fix(ctx, r); err != nil {
		x.errs = append(x.errs, err)
	}
	if x.write {
		x.failed = x.failed || r.Failed()
	}
}

func (x *fixer) fix(ctx context.Context, r *workspace.Result) error {
	if !slices.ContainsFunc(r.Findings, report.Finding.Fixable) {
		return nil
	}
	src, err := x.source(r.Name).Read(x.maxBytes)
	if err != nil {
		return err
	}
	// Each round is checked as check checks it: the same workspace, config
	// and engine.
	res, err := fix.Fix(ctx, src, func(ctx context.Context, src []byte) (*model.Document, []report.Finding, error) {
		c, err := x.ws.CheckSource(ctx, r.Name, src)
		if err != nil {
			return nil, nil, err
		}
		return c.Doc, c.Findings, nil
	})
	if err != nil || res.Fixed == 0 {
		return err // no fix matched the file as it is now
	}
	if x.diff != nil {
		x.failed = true
		return fix.Diff(x.diff, diffName(r.Name), src, res.Src)
	}
	if err := writeFixed(r.Name, res.Src); err != nil {
		return fmt.Errorf("%s: not fixed: %w", r.Name, err)
	}
	r.Findings = res.Findings
	x.fixed += res.Fixed
	return nil
}

// source is the model a result names: stdin's, or the file.
func (x *fixer) source(name string) lint.Source {
	for _, s := range x.stdin {
		if s.Name == name {
			return s
		}
	}
	return lint.Source{Name: name, Path: name}
}

// diffName is the name a diff gives a model: relative to the working
// directory when it lies below it, so that patch -p1 finds it from there.
func diffName(name string) string {
	if !filepath.IsAbs(name) {
		return filepath.ToSlash(name)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}

// writeFixed replaces a model with its fixed text atomically, keeping its
// mode. A symbolic link is not followed: writing through it could change a
// file outside the repository.
func writeFixed(path string, src []byte) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not a regular file")
	}
	return atomicWriteMode(path, st.Mode().Perm(), func(w io.Writer) error {
		_, err := w.Write(src)
		return err
	})
}

// fixFlagsError checks --fix and --diff against each other and the inputs.
func fixFlagsError(o *checkOptions, stdin []lint.Source) error {
	switch {
	case o.fix && o.diff:
		return usageError("--fix and --diff exclude each other: --diff shows what --fix would write")
	case o.fix && len(stdin) > 0:
		return usageError("--fix cannot write back to stdin; use --diff")
	case o.diff && (o.output != "" || o.statistics || o.writeBaseline != "" || !slices.Equal(o.formats, []string{"text"})):
		return usageError("--diff prints a diff on stdout, not a report: it takes no --format, --output, --statistics or --write-baseline")
	}
	return nil
}
