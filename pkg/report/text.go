package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"golang.org/x/text/width"
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
		// Everything quoted from the repository is escaped (see Escape).
		fmt.Fprintf(bw, "%s %s %s %s\n",
			t.bold.Sprintf("%s:%d:%d:", Escape(f.File), f.Line, f.Column),
			t.sev[f.Severity].Sprint(f.Severity.String()+":"),
			Escape(f.Message),
			t.dim.Sprintf("[%s]", Escape(ruleTitle(f.Code, f.Rule))))
		if f.Source != "" {
			num := fmt.Sprint(f.Line)
			pad := strings.Repeat(" ", len(num))
			line, col, end := excerpt(f)
			fmt.Fprintf(bw, " %s %s %s\n", t.dim.Sprint(num), t.dim.Sprint("|"), Escape(line))
			fmt.Fprintf(bw, " %s %s %s\n", pad, t.dim.Sprint("|"), t.sev[f.Severity].Sprint(caretLine(line, col, end)))
		}
		if f.Hint != "" {
			fmt.Fprintf(bw, " %s %s\n", strings.Repeat(" ", len(fmt.Sprint(f.Line))), t.dim.Sprint("= hint: ")+Escape(f.Hint))
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
	if run.Fixed > 0 {
		fmt.Fprintf(t.w, "Fixed %s.\n", plural(run.Fixed, "problem"))
	}
	if s.Fixable > 0 {
		fmt.Fprintf(t.w, "%d fixable with --fix.\n", s.Fixable)
	}
	return t.w.Flush()
}

// excerpt is the source line to print (before escaping), with "…" where a
// long line was cut (see Finding.Source), and the columns in it that the
// caret line underlines from and up to: the finding's end on its first
// line, or the end of the text shown when the range goes on below.
func excerpt(f Finding) (line string, col, end int) {
	line, col, end = f.Source, f.Column, f.EndColumn
	shown := utf8.RuneCountInString(f.Source)
	if f.SourceCut > 0 {
		line = "…" + line
		col, end = col-f.SourceCut+1, end-f.SourceCut+1
		shown++
	}
	if f.EndLine > f.Line || (f.SourceMore && end > shown+1) {
		end = shown + 1
	}
	if f.SourceMore {
		line += "…"
	}
	return line, col, end
}

// caretLine underlines the characters of line from column up to end
// (exclusive) with carets, one caret under an empty range. Carets are
// measured in display width: a wide character (CJK) takes two columns, a
// combining mark none. The line's tabs are kept so that the carets line up
// however tabs are shown.
func caretLine(line string, column, end int) string {
	var b strings.Builder
	i := 1
	carets := 0
	for _, r := range line {
		switch {
		case i >= end && i >= column:
		case i >= column:
			carets += displayWidth(r)
		case r == '\t':
			b.WriteByte('\t')
		default:
			b.WriteString(strings.Repeat(" ", displayWidth(r)))
		}
		i++
	}
	b.WriteString(strings.Repeat("^", max(carets, 1)))
	return b.String()
}

// displayWidth is the number of terminal columns r takes.
func displayWidth(r rune) int {
	if unsafeRune(r) && r != '\t' {
		return utf8.RuneCountInString(escapeRune(r)) // the source line is printed escaped
	}
	if unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200b' {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
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
