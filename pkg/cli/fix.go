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
)

// fixer applies the safe fixes of each checked model before its findings
// are reported (--fix), or prints them as a unified diff and changes
// nothing (--diff).
type fixer struct {
	write    bool      // --fix: write fixed models back
	diff     io.Writer // --diff: where the diff goes
	maxBytes int64
	fixed    int  // edits applied (--fix)
	changed  bool // some model has a safe fix
}

// apply fixes one result; with --fix, the result's findings become those
// left after fixing.
func (x *fixer) apply(ctx context.Context, r lint.FileResult) (lint.FileResult, error) {
	if r.Err != nil || r.Skipped || !slices.ContainsFunc(r.Findings, report.Finding.Fixable) {
		return r, nil
	}
	s := r.Source
	src, err := s.Read(x.maxBytes)
	if err != nil {
		return r, err
	}
	res, err := fix.Fix(ctx, src, func(ctx context.Context, src []byte) (*model.Document, []report.Finding, error) {
		doc := model.Load(s.Name, src)
		fs, err := s.Engine.CheckWith(ctx, doc, s.Settings)
		return doc, fs, err
	})
	if err != nil {
		return r, err
	}
	if res.Fixed == 0 {
		return r, nil // the fixes no longer match the file
	}
	x.changed = true
	if x.diff != nil {
		return r, fix.Diff(x.diff, diffName(s.Name), src, res.Src)
	}
	if err := writeFixed(s.Path, res.Src); err != nil {
		return r, fmt.Errorf("%s: not fixed: %w", s.Name, err)
	}
	x.fixed += res.Fixed
	r.Findings = res.Findings
	return r, nil
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
func fixFlagsError(o *checkOptions, sources []lint.Source) error {
	if o.fix && o.diff {
		return usageError("--fix and --diff exclude each other: --diff shows what --fix would write")
	}
	if o.fix && slices.ContainsFunc(sources, func(s lint.Source) bool { return s.Path == "" }) {
		return usageError("--fix cannot write back to stdin; use --diff")
	}
	return nil
}

// nopReporter reports nothing: with --diff the diff is the output.
type nopReporter struct{}

func (nopReporter) Report(context.Context, report.Run, []report.Finding) error { return nil }
