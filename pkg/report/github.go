package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// GitHub writes one GitHub Actions workflow command a finding,
// ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE rule-name::MESSAGE, so that a
// workflow step running crlint annotates the pull request's files.
type GitHub struct {
	w *bufio.Writer
	o Options
}

// NewGitHub returns a GitHub Actions reporter writing to w; o.WorkDir
// makes file names relative, as annotations need.
func NewGitHub(w io.Writer, o Options) *GitHub { return &GitHub{w: bufio.NewWriter(w), o: o} }

// Report writes the findings.
func (g *GitHub) Report(_ context.Context, run Run, fs []Finding) error {
	if err := g.WriteFindings(fs); err != nil {
		return err
	}
	return g.Finish(run, Summarize(fs))
}

// WriteFindings writes one file's findings.
func (g *GitHub) WriteFindings(fs []Finding) error {
	for _, f := range fs {
		end := ""
		if f.EndLine >= f.Line && f.EndLine > 0 {
			// The annotation spans the finding's range; GitHub draws
			// columns only when it stays on one line.
			end = fmt.Sprintf(",endLine=%d,endColumn=%d", f.EndLine, f.EndColumn)
		}
		fmt.Fprintf(g.w, "::%s file=%s,line=%d,col=%d%s,title=%s::%s\n",
			githubCommand(f.Severity),
			githubProperty(filepath.ToSlash(g.o.relative(f.File))), f.Line, f.Column, end,
			githubProperty(ruleTitle(f.Code, f.Rule)),
			githubData(f.Message))
	}
	return nil
}

// Finish flushes the output.
func (g *GitHub) Finish(Run, Summary) error { return g.w.Flush() }

// githubCommand is the workflow command for a severity; GitHub has no
// "info", its lowest level is "notice".
func githubCommand(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "notice"
}

// githubData escapes a command's message the way the Actions runner
// unescapes it. Escaping line breaks also keeps text quoted from a model
// from starting a workflow command of its own; other control characters
// are written as Escape writes them.
func githubData(s string) string { return githubDataEscaper.Replace(escape(s, true)) }

// githubProperty escapes a command property's value, where ":" and ","
// would end the value.
func githubProperty(s string) string { return githubPropertyEscaper.Replace(escape(s, true)) }

// The escapers are read-only once built. A Replacer makes a single pass, so
// the "%" of an escape it wrote is never escaped again.
var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
