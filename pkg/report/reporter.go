package report

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Run describes what was checked, for reporters that summarise it.
type Run struct {
	Files     int      // models checked
	FileNames []string // their names, sorted
	// FailAt is the severity at or above which each file's findings fail
	// the run (from --fail-on or its config); every finding of a file
	// missing here fails. JUnit fails a test case only at or above it.
	FailAt map[string]Severity
	// Fixed counts the safe fixes check --fix applied.
	Fixed int
}

// failAt is the severity at which findings of file fail.
func (r Run) failAt(file string) Severity {
	if s, ok := r.FailAt[file]; ok {
		return s
	}
	return Info
}

// RuleInfo is what a reporter may say of a rule (SARIF lists every rule).
type RuleInfo struct {
	Code     string
	Name     string
	Severity Severity // default severity
	Summary  string
	Help     string // why it matters and how to fix it
	// DefaultOff is true for a rule that runs only when selected.
	DefaultOff bool
}

// Reporter writes a whole run's findings in one format. Findings arrive
// sorted (see Sort).
type Reporter interface {
	Report(ctx context.Context, run Run, findings []Finding) error
}

// Streamer is a Reporter whose output is a run of lines, so it can write
// each file's findings as soon as they are known: a check over thousands
// of models then holds none of them. Report is WriteFindings of every
// finding followed by Finish.
type Streamer interface {
	Reporter
	// WriteFindings writes one file's findings, sorted; files come in order.
	WriteFindings(fs []Finding) error
	// Finish writes what follows the findings and flushes.
	Finish(run Run, s Summary) error
}

// Options are what reporters may need beyond the findings.
type Options struct {
	Color bool // colour the text format
	Quiet bool // text: no summary line when there are no findings
	// Rules are the rules of the run, for formats that describe them.
	Rules []RuleInfo
	// Version is crlint's version, for formats that name the tool (sarif).
	Version string
	// WorkDir, when set, is the absolute working directory: machine
	// formats name a file below it relative to it, with forward slashes.
	WorkDir string
}

// constructors maps each format name to its reporter.
var constructors = map[string]func(io.Writer, Options) Reporter{
	"text":        func(w io.Writer, o Options) Reporter { return NewText(w, o) },
	"compact":     func(w io.Writer, _ Options) Reporter { return NewCompact(w) },
	"json":        func(w io.Writer, o Options) Reporter { return NewJSON(w, o) },
	"sarif":       func(w io.Writer, o Options) Reporter { return NewSARIF(w, o) },
	"github":      func(w io.Writer, o Options) Reporter { return NewGitHub(w, o) },
	"junit":       func(w io.Writer, o Options) Reporter { return NewJUnit(w, o) },
	"codeclimate": func(w io.Writer, o Options) Reporter { return NewCodeClimate(w, o) },
}

// Formats lists the names New accepts.
func Formats() []string {
	names := make([]string, 0, len(constructors))
	for n := range constructors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New returns the reporter for format. An unknown format is an error, never
// a silent fallback.
func New(format string, w io.Writer, o Options) (Reporter, error) {
	c, ok := constructors[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	return c(w, o), nil
}
