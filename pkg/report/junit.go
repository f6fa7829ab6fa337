package report

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// JUnit writes JUnit XML, which CI systems (Jenkins, GitLab, Azure
// Pipelines) show as test results: one test suite per model, one test case
// per finding, failing when the finding reaches the run's fail-on level
// (a finding below it passes, its text in system-out, so a build that
// exits 0 shows no failed test), and one passing test case for a model
// without findings, so the report shows that it was checked.
type JUnit struct {
	w io.Writer
	o Options
}

// NewJUnit returns a JUnit XML reporter writing to w; o.WorkDir makes file
// names relative.
func NewJUnit(w io.Writer, o Options) *JUnit { return &JUnit{w: w, o: o} }

// The JUnit XML elements written, in the shape most consumers read.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		SystemOut *junitOutput  `xml:"system-out,omitempty"`
	}
	junitOutput struct {
		Text string `xml:",cdata"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",cdata"`
	}
)

// junitPassName names the test case of a model without findings.
const junitPassName = "no problems"

// Report writes the findings as one JUnit XML document.
func (j *JUnit) Report(_ context.Context, run Run, fs []Finding) error {
	files := slices.Clone(run.FileNames)
	byFile := map[string][]Finding{}
	for _, f := range fs {
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	slices.Sort(files)
	files = slices.Compact(files)

	doc := junitSuites{Name: "crlint", Suites: []junitSuite{}}
	for _, file := range files {
		s := junitSuite{Name: xmlText(j.o.relative(file))}
		seen := map[string]int{}
		for _, f := range byFile[file] {
			f.File = j.o.relative(f.File)
			c := junitFailed(f)
			if f.Severity < run.failAt(file) {
				c.SystemOut, c.Failure = &junitOutput{Text: c.Failure.Text}, nil
			} else {
				s.Failures++
			}
			// Findings of one rule at one place (a file-wide judgement at
			// 1:1) would share a name, and CI would count them as one test.
			if seen[c.Name]++; seen[c.Name] > 1 {
				c.Name = fmt.Sprintf("%s (%d)", c.Name, seen[c.Name])
			}
			s.Cases = append(s.Cases, c)
		}
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: junitPassName, Classname: xmlText(j.o.relative(file))}}
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Suites = append(doc.Suites, s)
	}

	if _, err := io.WriteString(j.w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(j.w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(j.w, "\n")
	return err
}

// junitFailed is the failing test case of one finding, named by rule and
// position; its text is the compact line, the key path and the hint.
func junitFailed(f Finding) junitCase {
	var text strings.Builder
	fmt.Fprintf(&text, "%s:%d:%d: %s: %s [%s]\n", f.File, f.Line, f.Column, f.Severity, f.Message, ruleTitle(f.Code, f.Rule))
	if f.Path != "" {
		fmt.Fprintf(&text, "path: %s\n", f.Path)
	}
	if f.Hint != "" {
		fmt.Fprintf(&text, "hint: %s\n", f.Hint)
	}
	return junitCase{
		Name:      xmlText(fmt.Sprintf("%s at %d:%d", ruleTitle(f.Code, f.Rule), f.Line, f.Column)),
		Classname: xmlText(f.File),
		Failure: &junitFailure{
			Message: xmlText(f.Message),
			Type:    f.Severity.String(),
			Text:    xmlText(text.String()),
		},
	}
}

// xmlText replaces what XML 1.0 cannot hold (control characters other than
// tab and line breaks, invalid UTF-8) with U+FFFD. encoding/xml does this
// for attributes but writes CDATA as it is, which would make a document no
// parser accepts.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == utf8.RuneError, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return utf8.RuneError
		}
		return r
	}, s)
}
