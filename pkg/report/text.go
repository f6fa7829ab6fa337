package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
)

// Text writes findings for a person at a terminal: the position, a coloured
// severity, the message, the source line with a caret under the column, a
// hint, and a summary line.
type Text struct {
	w     *bufio.Writer
	quiet bool
	sev   map[Severity]*color.Color
	dim   *color.Color
	bold  *color.Color
}

// NewText returns a text reporter writing to w.
func NewText(w io.Writer, o Options) *Text {
	t := &Text{
		w:     bufio.NewWriter(w),
		quiet: o.Quiet,
		sev: map[Severity]*color.Color{
			Error:   color.New(color.FgRed, color.Bold),
			Warning: color.New(color.FgYellow, color.Bold),
			Info:    color.New(color.FgBlue, color.Bold),
		},
		dim:  color.New(color.Faint),
		bold: color.New(color.Bold),
	}
	for _, c := range []*color.Color{t.sev[Error], t.sev[Warning], t.sev[Info], t.dim, t.bold} {
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return t
}

// Report writes the findings and the summary.
func (t *Text) Report(_ context.Context, run Run, fs []Finding) error {
	if err := t.WriteFindings(fs); err != nil {
		return err
	}
	return t.Finish(run, Summarize(fs))
}

// WriteFindings writes one file's findings.
func (t *Text) WriteFindings(fs []Finding) error {
	bw := t.w
	for _, f := range fs {
		fmt.Fprintf(bw, "%s %s %s %s\n",
			t.bold.Sprintf("%s:%d:%d:", f.File, f.Line, f.Column),
			t.sev[f.Severity].Sprint(f.Severity.String()+":"),
			f.Message,
			t.dim.Sprintf("[%s]", ruleTitle(f.Code, f.Rule)))
		if f.Source != "" {
			num := fmt.Sprint(f.Line)
			pad := strings.Repeat(" ", len(num))
			fmt.Fprintf(bw, " %s %s %s\n", t.dim.Sprint(num), t.dim.Sprint("|"), f.Source)
			fmt.Fprintf(bw, " %s %s %s\n", pad, t.dim.Sprint("|"), t.sev[f.Severity].Sprint(caretLine(f.Source, f.Column)))
		}
		if f.Hint != "" {
			fmt.Fprintf(bw, " %s %s\n", strings.Repeat(" ", len(fmt.Sprint(f.Line))), t.dim.Sprint("= hint: ")+f.Hint)
		}
		bw.WriteByte('\n')
	}
	return nil
}

// Finish writes the summary line and flushes.
func (t *Text) Finish(run Run, s Summary) error {
	total := s.Error + s.Warning + s.Info
	// With nothing checked (every path failed, which stderr explains) a
	// summary saying "no problems" would mislead.
	if total > 0 || (!t.quiet && run.Files > 0) {
		fmt.Fprintln(t.w, t.summary(run, s))
	}
	return t.w.Flush()
}

// caretLine puts a caret under the column-th character of line, keeping the
// line's tabs so that the caret lines up however tabs are shown.
func caretLine(line string, column int) string {
	var b strings.Builder
	i := 1
	for _, r := range line {
		if i >= column {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	b.WriteByte('^')
	return b.String()
}

func (t *Text) summary(run Run, s Summary) string {
	files := plural(run.Files, "file")
	total := s.Error + s.Warning + s.Info
	if total == 0 {
		return fmt.Sprintf("No problems found in %s.", files)
	}
	var parts []string
	for _, p := range []struct {
		n    int
		name string
		sev  Severity
	}{{s.Error, "error", Error}, {s.Warning, "warning", Warning}, {s.Info, "info", Info}} {
		if p.n > 0 {
			word := p.name + "s"
			if p.n == 1 || p.name == "info" {
				word = p.name
			}
			parts = append(parts, t.sev[p.sev].Sprintf("%d %s", p.n, word))
		}
	}
	return fmt.Sprintf("Found %s (%s) in %s.", plural(total, "problem"), strings.Join(parts, ", "), files)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
