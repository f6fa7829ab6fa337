package workspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/pkg/trust"
)

// StaleBaseline is the code of the finding for a baseline entry whose count
// is higher than today's findings (a loader-style rule, info by default).
const StaleBaseline = "CR008"

// syntaxError is the code no baseline accepts.
const syntaxError = "CR001"

// maxBaselineBytes is the largest baseline read: a line per file and rule.
const maxBaselineBytes = 64 << 20

// baselineVersion is the version of the baseline file's format.
const baselineVersion = 1

// Baseline is the findings accepted when crlint was adopted: a count per
// file and rule code, as ESLint's bulk suppressions keep, so that edits
// which move lines never invalidate it. Files are named relative to the
// baseline file's directory, with forward slashes, so the file works from
// any working directory and on any system.
type Baseline struct {
	path  string
	dir   string                    // absolute directory names are relative to
	files map[string]map[string]int // file → code → count
	mu    sync.Mutex                // guards recorded
	// recorded are the findings of this run, per file, for WriteBaseline.
	recorded map[string]map[string]int
	checked  map[string]bool
}

// baselineFile is the JSON form: sorted keys, one entry a line.
type baselineFile struct {
	Version int                       `json:"version"`
	Files   map[string]map[string]int `json:"files"`
}

// newBaseline returns an empty baseline kept in file.
func newBaseline(file string) (*Baseline, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", file, err)
	}
	return &Baseline{path: file, dir: filepath.Dir(abs), files: map[string]map[string]int{},
		recorded: map[string]map[string]int{}, checked: map[string]bool{}}, nil
}

// LoadBaseline reads a baseline file. A file that is missing is an error
// when it is to be read (must), and an empty baseline when it is only to be
// written.
func LoadBaseline(file string, must bool) (*Baseline, error) {
	b, err := newBaseline(file)
	if err != nil {
		return nil, err
	}
	// A baseline is committed with the models: it is read within the trust
	// boundary (no link out of the repository, a regular file, a size cap).
	tb, err := trust.FromWorkingDir()
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", file, err)
	}
	src, err := tb.ReadFile(file, maxBaselineBytes, "a baseline")
	if errors.Is(err, fs.ErrNotExist) && !must {
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("baseline %w", err)
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("baseline %s: not a crlint baseline: %w", file, err)
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, want %d (write it again with --write-baseline)", file, bf.Version, baselineVersion)
	}
	for f, codes := range bf.Files {
		for code, n := range codes {
			if n < 1 {
				return nil, fmt.Errorf("baseline %s: %s %s: count %d, want 1 or more", file, f, code, n)
			}
		}
		b.files[f] = codes
	}
	return b, nil
}

// key names a model in the baseline: relative to the baseline's directory.
func (b *Baseline) key(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.ToSlash(name)
	}
	if rel, err := filepath.Rel(b.dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// staleEntry is a baseline entry with more findings than today's.
type staleEntry struct {
	code           string
	recorded, seen int
}

// filter drops the findings of name that the baseline accepts. For each
// rule code the count is what is matched: as many findings as recorded or
// fewer are all accepted, and the shortfall is stale; more than recorded
// are all reported, since nothing tells the new one from the old. The
// findings are also recorded for WriteBaseline. A syntax error (CR001) is
// never accepted: a file that does not parse is checked by no rule, so
// accepting it would let anything through.
func (b *Baseline) filter(name string, fs []report.Finding) ([]report.Finding, []staleEntry) {
	key := b.key(name)
	seen := map[string]int{}
	for _, f := range fs {
		if f.Code != syntaxError {
			seen[f.Code]++
		}
	}
	b.mu.Lock()
	b.checked[key] = true
	if len(seen) > 0 {
		b.recorded[key] = seen
	}
	b.mu.Unlock()
	accepted := b.files[key]
	var stale []staleEntry
	for _, code := range slices.Sorted(maps.Keys(accepted)) {
		if n := accepted[code]; n > seen[code] {
			stale = append(stale, staleEntry{code: code, recorded: n, seen: seen[code]})
		}
	}
	kept := fs[:0:0]
	for _, f := range fs {
		if f.Code == syntaxError || seen[f.Code] > accepted[f.Code] {
			kept = append(kept, f)
		}
	}
	return kept, stale
}

// missing lists the baseline's files that no longer exist, for stale
// findings at the baseline file itself.
func (b *Baseline) missing() []string {
	var out []string
	for _, f := range slices.Sorted(maps.Keys(b.files)) {
		p := filepath.FromSlash(f)
		if !filepath.IsAbs(p) {
			p = filepath.Join(b.dir, p)
		}
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			out = append(out, f)
		}
	}
	return out
}

// position is the line and column of file's key in the baseline file, for
// a stale finding (1:1 when it cannot be found).
func (b *Baseline) position(file string) (line, col int) {
	src, err := os.ReadFile(b.path)
	if err != nil {
		return 1, 1
	}
	key, _ := json.Marshal(file)
	for i, l := range strings.Split(string(src), "\n") {
		if rest := strings.TrimLeft(l, " \t"); strings.HasPrefix(rest, string(key)+":") {
			return i + 1, utf8.RuneCountInString(l[:len(l)-len(rest)]) + 1
		}
	}
	return 1, 1
}

// Write writes the findings recorded by this run as the new baseline:
// entries of files this run checked are replaced, entries of files it did
// not check (another shard, an unchanged file) are kept while the file
// exists. The JSON has sorted keys and one entry a line, so a review sees
// exactly which counts changed.
func (b *Baseline) Write(w io.Writer) (files, findings int, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	gone := map[string]bool{}
	for _, f := range b.missing() {
		gone[f] = true
	}
	out := map[string]map[string]int{}
	for f, codes := range b.files {
		if !b.checked[f] && !gone[f] {
			out[f] = codes
		}
	}
	maps.Copy(out, b.recorded)
	for _, codes := range out {
		for _, n := range codes {
			findings += n
		}
	}
	data, err := json.MarshalIndent(baselineFile{Version: baselineVersion, Files: out}, "", "  ")
	if err != nil {
		return 0, 0, err
	}
	_, err = w.Write(append(data, '\n'))
	return len(out), findings, err
}

// Path is the baseline file's name as given.
func (b *Baseline) Path() string { return b.path }

// applyBaseline records name's findings when a baseline is being written
// (and then reports none), or drops those the baseline accepts and adds a
// stale-baseline finding for each entry with more findings than today.
func (w *Workspace) applyBaseline(e *lint.Engine, s *lint.Settings, name string, fs []report.Finding) []report.Finding {
	if w.record != nil {
		w.record.filter(name, fs)
		var kept []report.Finding // the baseline accepts all but syntax errors
		for _, f := range fs {
			if f.Code == syntaxError {
				kept = append(kept, f)
			}
		}
		return kept
	}
	if w.baseline == nil {
		return fs
	}
	kept, stale := w.baseline.filter(name, fs)
	for _, st := range stale {
		f, ok := staleFinding(e, s, name, 1, 1,
			fmt.Sprintf("the baseline accepts %d %s finding%s in this file, and %d %s", st.recorded, st.code, plural(st.recorded), st.seen, remain(st.seen)))
		if ok {
			kept = append(kept, f)
		}
	}
	return kept
}

// missingFromBaseline is the stale-baseline findings, at the baseline file,
// for entries of files that no longer exist; nil when there are none. In a
// sharded run only the first shard reports them, so that they are
// reported once.
func (w *Workspace) missingFromBaseline(ctx context.Context) (*Result, error) {
	if w.baseline == nil || w.record != nil || w.opts.Shard.Index > 1 {
		return nil, nil
	}
	missing := w.baseline.missing()
	if len(missing) == 0 {
		return nil, nil
	}
	name := w.baseline.Path()
	c, err := w.configFor(name)
	if err != nil {
		return nil, err
	}
	e, s, err := w.prepare(ctx, c)
	if err != nil {
		return nil, err
	}
	res := &Result{Name: name, Threshold: w.threshold(c), Config: c}
	for _, m := range missing {
		line, col := w.baseline.position(m)
		if f, ok := staleFinding(e, s, name, line, col, fmt.Sprintf("the baseline has an entry for %s, which no longer exists", m)); ok {
			res.Findings = append(res.Findings, f)
		}
	}
	return res, nil
}

// staleFinding builds a stale-baseline finding, with the rule's severity as
// settings make it; ok is false when settings turn the rule off.
func staleFinding(e *lint.Engine, s *lint.Settings, file string, line, col int, msg string) (report.Finding, bool) {
	r := e.Lookup(StaleBaseline)
	if r == nil || (s != nil && s.Off[r.Code]) {
		return report.Finding{}, false
	}
	sev := r.Severity
	if s != nil {
		if v, ok := s.Severity[r.Code]; ok {
			sev = v
		}
	}
	return report.Finding{Code: r.Code, Rule: r.Name, Severity: sev, Message: msg, File: file, Line: line, Column: col,
		Hint: r.Hint}, true
}

// WriteBaseline writes the findings recorded by a run with WriteBaseline
// set, and says how many it kept; ok is false when no baseline was asked for.
func (w *Workspace) WriteBaseline(out io.Writer) (files, findings int, ok bool, err error) {
	if w.record == nil {
		return 0, 0, false, nil
	}
	files, findings, err = w.record.Write(out)
	return files, findings, true, err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func remain(n int) string {
	if n == 1 {
		return "remains"
	}
	return "remain"
}
