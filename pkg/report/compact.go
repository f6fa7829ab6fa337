package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
)

// Compact writes one line a finding, FILE:LINE:COL: SEVERITY: MESSAGE [CODE
// rule-name], the form Vim's errorformat and VS Code problem matchers read.
type Compact struct{ w *bufio.Writer }

// NewCompact returns a compact reporter writing to w.
func NewCompact(w io.Writer) *Compact { return &Compact{w: bufio.NewWriter(w)} }

// Report writes the findings.
func (c *Compact) Report(_ context.Context, run Run, fs []Finding) error {
	if err := c.WriteFindings(fs); err != nil {
		return err
	}
	return c.Finish(run, Summarize(fs))
}

// WriteFindings writes one file's findings.
func (c *Compact) WriteFindings(fs []Finding) error {
	for _, f := range fs {
		fmt.Fprintf(c.w, "%s:%d:%d: %s: %s [%s]\n", Escape(f.File), f.Line, f.Column, f.Severity, Escape(f.Message), Escape(ruleTitle(f.Code, f.Rule)))
	}
	return nil
}

// Finish flushes the output.
func (c *Compact) Finish(Run, Summary) error { return c.w.Flush() }
