package lint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

const (
	disableLine = "crlint:disable"
	disableFile = "crlint:disable-file"
)

// Suppression is one `# crlint:disable` comment.
type Suppression struct {
	Pos    model.Pos
	File   bool     // crlint:disable-file
	Codes  []string // as written: codes or names
	Reason string
	// Text is the comment's text after '#'.
	Text string
	// Line is the line it covers: its own when it ends a line, the next
	// when it stands alone; 0 for a file-wide suppression.
	Line int
}

// ParseSuppression reads one comment's text (after '#'). ok is false when
// the comment is not a crlint directive.
func ParseSuppression(text string) (s Suppression, ok bool) {
	t := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(t, disableFile):
		s.File, t = true, t[len(disableFile):]
	case strings.HasPrefix(t, disableLine):
		t = t[len(disableLine):]
	default:
		return s, false
	}
	if t != "" && t[0] != ' ' && t[0] != '\t' {
		return s, false // crlint:disabled, crlint:disable-next...: not ours
	}
	t = strings.TrimSpace(t)
	codes, reason, _ := strings.Cut(t, " ")
	for _, c := range strings.Split(codes, ",") {
		if c = strings.TrimSpace(c); c != "" {
			s.Codes = append(s.Codes, c)
		}
	}
	s.Reason = strings.TrimSpace(reason)
	return s, true
}

// suppressions lists the directives of a document. Most models have none,
// and then the position index is not built for them.
func suppressions(doc *model.Document) []Suppression {
	if !bytes.Contains(doc.Src, []byte(disableLine)) {
		return nil
	}
	// A file that does not parse has CR001 as its only finding, and no
	// comment may suppress it: the index can still build (its parser accepts
	// some invalid TOML, e.g. a key defined twice), which let a
	// "# crlint:disable CR001" pass a broken file and added CR007s to it.
	if doc.Input == nil {
		return nil
	}
	ix := doc.Index()
	if ix == nil {
		return nil
	}
	var out []Suppression
	for _, c := range ix.Comments() {
		s, ok := ParseSuppression(c.Text)
		if !ok {
			continue
		}
		s.Pos, s.Text = c.Pos, c.Text
		switch {
		case s.File:
		case c.OwnLine:
			s.Line = c.Pos.Line + 1
		default:
			s.Line = c.Pos.Line
		}
		out = append(out, s)
	}
	return out
}

// suppress removes the findings the document's directives cover and adds a
// CR007 finding for every code of a directive that covered nothing. Codes of
// rules turned off by settings are not reported as unused.
func (e *Engine) suppress(doc *model.Document, fs []report.Finding, settings *Settings) []report.Finding {
	sups := suppressions(doc)
	if len(sups) == 0 {
		return fs
	}
	out, used := cover(sups, fs)
	unused := e.byCode("CR007")
	for i, s := range sups {
		if len(s.Codes) == 0 {
			out = append(out, e.unusedFinding(doc, unused, s, "crlint:disable names no rule"))
			continue
		}
		for j, c := range s.Codes {
			if used[i][j] {
				continue
			}
			r := e.Lookup(c)
			switch {
			case r == nil:
				out = append(out, e.unusedFinding(doc, unused, s, fmt.Sprintf("suppression of %s: no such rule", c)))
			case settings != nil && !settings.Runs(r.Code):
			default:
				out = append(out, e.unusedFinding(doc, unused, s, fmt.Sprintf("suppression of %s %s suppresses nothing", r.Code, r.Name)))
			}
		}
	}
	return out
}

// cover removes the findings that sups cover, and reports which code of
// each directive covered one. The directives' codes are indexed by the
// line they cover (0: the whole file), so that a finding looks up its own
// line and code rather than every directive: n findings and n directives
// cost n, not n². Once a key has covered a finding, its directives are all
// marked used.
func cover(sups []Suppression, fs []report.Finding) ([]report.Finding, [][]bool) {
	type key struct {
		line int
		code string
	}
	type ref struct{ sup, code int }
	used := make([][]bool, len(sups))
	byKey := map[key][]ref{}
	for i, s := range sups {
		used[i] = make([]bool, len(s.Codes))
		line := s.Line
		if s.File {
			line = 0
		}
		for j, c := range s.Codes {
			k := key{line, c}
			byKey[k] = append(byKey[k], ref{i, j})
		}
	}
	marked := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		hit := false
		for _, k := range [...]key{{0, f.Code}, {0, f.Rule}, {f.Line, f.Code}, {f.Line, f.Rule}} {
			refs, ok := byKey[k]
			if !ok {
				continue
			}
			hit = true
			if !marked[k] {
				marked[k] = true
				for _, r := range refs {
					used[r.sup][r.code] = true
				}
			}
		}
		if !hit {
			out = append(out, f)
		}
	}
	return out, used
}

func (e *Engine) unusedFinding(doc *model.Document, r *Rule, s Suppression, msg string) report.Finding {
	f := report.Finding{
		Code: r.Code, Rule: r.Name, Severity: r.Severity, Message: msg,
		File: doc.File, Path: "", Hint: "remove the comment, or name the rule it should suppress",
	}
	// The range is the comment, up to the end of its text.
	end := s.Pos
	end.Col += 1 + utf8.RuneCountInString(strings.TrimRight(s.Text, " \t\r"))
	setRange(&f, doc, model.Range{Start: s.Pos, End: end})
	return f
}
