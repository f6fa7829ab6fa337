package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crlint/crlint/pkg/report"
)

// Findings are the findings drawn on one part of the canvas.
type Findings struct {
	Notes []Note
	Count report.Summary
	// Worst is the highest severity among Notes, "" when there are none.
	Worst string
}

func (f *Findings) add(n Note) {
	f.Notes = append(f.Notes, n)
	count(&f.Count, n.Severity)
	f.Worst = worse(f.Worst, n.Severity)
}

// count adds one finding of severity sev to s.
func count(s *report.Summary, sev string) {
	switch sev {
	case "error":
		s.Error++
	case "warning":
		s.Warning++
	case "info":
		s.Info++
	}
}

// Note is one finding as the canvas lists it.
type Note struct {
	Severity string
	Code     string
	Rule     string
	Message  string
	Line     int
	Column   int
	Swatch   Swatch
}

// attach draws a finding on the part of the canvas its path names: the
// block of the path's first key (summary and competitors belong to Customer
// Relationships, get/keep/grow to the strip), and the item its index names.
// Everything else is about the model as a whole and goes to the header.
func (c *Canvas) attach(f report.Finding) {
	sev := f.Severity.String()
	n := Note{
		Severity: sev, Code: f.Code, Rule: f.Rule, Message: f.Message,
		Line: f.Line, Column: f.Column, Swatch: severitySwatch(sev),
	}
	count(&c.Total, sev)
	head, index := splitPath(f.Path)
	switch head {
	case "summary":
		b := c.block("relationships")
		b.add(n)
		if b.Summary != nil {
			b.Summary.Worst = worse(b.Summary.Worst, sev)
		}
		return
	case "competitors":
		b := c.block("relationships")
		b.add(n)
		if index >= 0 && index < len(b.Competitors) {
			b.Competitors[index].Worst = worse(b.Competitors[index].Worst, sev)
		}
		return
	case "get", "keep", "grow":
		p := c.phase(head)
		p.add(n)
		if index >= 0 && index < len(p.Tactics) {
			p.Tactics[index].Worst = worse(p.Tactics[index].Worst, sev)
		}
		return
	}
	if b := c.block(head); b != nil {
		b.add(n)
		if index >= 0 && index < len(b.Items) {
			b.Items[index].Worst = worse(b.Items[index].Worst, sev)
		}
		return
	}
	c.Header.add(n)
}

// splitPath returns a finding path's first key and, when an index follows
// it, that index (-1 otherwise): "relationships[2].costs" is
// ("relationships", 2).
func splitPath(p string) (head string, index int) {
	end := strings.IndexAny(p, ".[")
	if end < 0 {
		return p, -1
	}
	head, rest := p[:end], p[end:]
	if !strings.HasPrefix(rest, "[") {
		return head, -1
	}
	close := strings.IndexByte(rest, ']')
	if close < 0 {
		return head, -1
	}
	i, err := strconv.Atoi(rest[1:close])
	if err != nil {
		return head, -1
	}
	return head, i
}

// worse returns the higher of two severities ("" is lowest).
func worse(a, b string) string {
	if rank(b) > rank(a) {
		return b
	}
	return a
}

func rank(sev string) int {
	switch sev {
	case "info":
		return 1
	case "warning":
		return 2
	case "error":
		return 3
	}
	return 0
}

// Counts lists a summary's non-zero counts, highest severity first, for
// the chips beside a block's title.
func Counts(s report.Summary) []Count {
	var out []Count
	for _, c := range []Count{{"error", s.Error, severitySwatch("error")}, {"warning", s.Warning, severitySwatch("warning")}, {"info", s.Info, severitySwatch("info")}} {
		if c.N > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Count is one severity's count.
type Count struct {
	Severity string
	N        int
	Swatch   Swatch
}

// Label is "2 errors", "1 warning".
func (c Count) Label() string {
	if c.N == 1 {
		return fmt.Sprintf("1 %s", c.Severity)
	}
	if c.Severity == "info" {
		return fmt.Sprintf("%d info", c.N)
	}
	return fmt.Sprintf("%d %ss", c.N, c.Severity)
}
