// Package report defines a finding and one reporter per output format.
package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/crlint/crlint/pkg/model"
)

// Severity orders findings: info < warning < error.
type Severity int

// The severities, in increasing order.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// Severities lists the severity names, lowest first.
var Severities = []string{"info", "warning", "error"}

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a severity's name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	*s = v
	return err
}

// Finding is one problem in one model, positioned and ready to report.
type Finding struct {
	Code     string   `json:"code"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	// EndLine and EndColumn are just past the end of the key, value or
	// header the finding points at (SPEC §5); they equal Line and Column
	// for something absent from the file.
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Path      string `json:"path"`
	Hint      string `json:"hint"`
	// Fix is the finding's safe fix; its zero value means it has none.
	Fix Fix `json:"fix,omitzero"`
	// Source is the text of the line the finding points at, for reporters
	// that quote it: all of it, or for a long line an excerpt, which
	// leaves out SourceCut characters before it and more after it when
	// SourceMore.
	Source     string `json:"-"`
	SourceCut  int    `json:"-"`
	SourceMore bool   `json:"-"`
}

// Fix is a safe fix (SPEC §5): the key or string value that the finding's
// range covers, written From, becomes To. Quotes are kept as written.
type Fix struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Fixable reports whether f has a safe fix.
func (f Finding) Fixable() bool { return f.Fix.To != "" }

// Sort orders findings by file, line, column, code, block and message, so that
// output is the same whatever order the files were checked in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(blockRank(a.Path), blockRank(b.Path)),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// blockRank orders findings at one place by the block their key path
// starts with, in canvas order, so that CR301 reports get, keep, grow.
func blockRank(path string) int {
	head := path
	if i := strings.IndexAny(path, ".["); i >= 0 {
		head = path[:i]
	}
	for i, b := range model.Blocks {
		if b.Name == head {
			return i
		}
	}
	return len(model.Blocks)
}

// Summary counts findings by severity.
type Summary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
	// Fixable counts the findings that have a safe fix.
	Fixable int `json:"-"`
}

// Summarize counts fs by severity.
func Summarize(fs []Finding) Summary {
	var s Summary
	s.Add(fs)
	return s
}

// Add counts more findings.
func (s *Summary) Add(fs []Finding) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Error++
		case Warning:
			s.Warning++
		case Info:
			s.Info++
		}
		if f.Fixable() {
			s.Fixable++
		}
	}
}
