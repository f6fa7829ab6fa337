package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
)

// Compact writes one line a finding, FILE:LINE:COL: SEVERITY: MESSAGE [CODE
// rule-name], the form Vim's errorformat and VS Code problem matchers read.
type Compact struct{ w io.Writer }

// NewCompact returns a compact reporter writing to w.
func NewCompact(w io.Writer) *Compact { return &Compact{w: w} }

// Report writes the findings.
func (c *Compact) Report(_ context.Context, _ Run, fs []Finding) error {
	bw := bufio.NewWriter(c.w)
	for _, f := range fs {
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s %s]\n", f.File, f.Line, f.Column, f.Severity, f.Message, f.Code, f.Rule)
	}
	return bw.Flush()
}
