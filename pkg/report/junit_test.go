package report

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// junitDoc is JUnit XML as a consumer reads it, declared apart from the
// reporter's types so that the test checks the document, not the structs.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut *string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func readJUnit(t *testing.T, out []byte) junitDoc {
	t.Helper()
	var doc junitDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	return doc
}

func TestJUnitRoundTrip(t *testing.T) {
	fs := goldenFindings()
	everyFails := Run{Files: goldenRun.Files, FileNames: goldenRun.FileNames}
	doc := readJUnit(t, render(t, "junit", Options{}, everyFails, fs))
	if doc.Tests != 8 || doc.Failures != 7 {
		t.Errorf("testsuites: %d tests, %d failures; want 8, 7", doc.Tests, doc.Failures)
	}
	type counts struct{ tests, failures int }
	want := map[string]counts{"gamma.toml": {1, 0}, "models/alpha.toml": {4, 4}, "models/beta model.toml": {3, 3}}
	if len(doc.Suites) != len(want) {
		t.Fatalf("%d suites, want %d", len(doc.Suites), len(want))
	}
	var got []Finding
	for _, s := range doc.Suites {
		if c := (counts{s.Tests, s.Failures}); c != want[s.Name] || len(s.Cases) != s.Tests {
			t.Errorf("suite %q: %+v with %d cases, want %+v", s.Name, c, len(s.Cases), want[s.Name])
		}
		names := map[string]bool{}
		for _, c := range s.Cases {
			if names[c.Name] {
				t.Errorf("suite %q: two cases named %q", s.Name, c.Name)
			}
			names[c.Name] = true
			if c.Classname != s.Name {
				t.Errorf("case %q: classname %q, want %q", c.Name, c.Classname, s.Name)
			}
			if c.Failure == nil {
				if s.Failures != 0 || c.Name != junitPassName {
					t.Errorf("suite %q: passing case %q", s.Name, c.Name)
				}
				continue
			}
			got = append(got, Finding{File: s.Name, Message: c.Failure.Message, Hint: c.Failure.Text, Rule: c.Name, Code: c.Failure.Type})
		}
	}
	if len(got) != len(fs) {
		t.Fatalf("%d failures, want %d", len(got), len(fs))
	}
	for i, f := range fs {
		g := got[i]
		name := fmt.Sprintf("%s %s at %d:%d", f.Code, f.Rule, f.Line, f.Column)
		if g.File != f.File || g.Message != f.Message || !strings.HasPrefix(g.Rule, name) || g.Code != f.Severity.String() {
			t.Errorf("failure %d: %+v, want %s %q named %q", i, g, f.File, f.Message, name)
		}
		if f.Hint != "" && !strings.Contains(g.Hint, "hint: "+f.Hint) {
			t.Errorf("failure %d: text %q lacks the hint", i, g.Hint)
		}
	}
}

// TestJUnitUnwritableCharacters checks that a message with characters XML
// cannot hold still makes a document a parser accepts.
func TestJUnitUnwritableCharacters(t *testing.T) {
	fs := []Finding{{Code: "CR1", Rule: "r", Severity: Info, File: "m\x01.toml", Line: 1, Column: 1,
		Message: "bell\a esc\x1b bad\xff ]]> end", Hint: "]]>"}}
	doc := readJUnit(t, render(t, "junit", Options{}, Run{}, fs))
	if len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 1 || doc.Suites[0].Cases[0].Failure == nil {
		t.Fatalf("got %+v", doc)
	}
	f := doc.Suites[0].Cases[0].Failure
	if f.Message != "bell\uFFFD esc\uFFFD bad\uFFFD ]]> end" || !strings.Contains(f.Text, "hint: ]]>") {
		t.Errorf("failure %q: %q", f.Message, f.Text)
	}
}

func TestJUnitEmpty(t *testing.T) {
	doc := readJUnit(t, render(t, "junit", Options{}, Run{}, nil))
	if doc.Tests != 0 || doc.Failures != 0 || len(doc.Suites) != 0 {
		t.Errorf("empty run: %+v", doc)
	}
}

// TestJUnitBelowFailOnPasses: a finding below its file's fail-on level is a
// passing test case whose system-out holds the finding, so a build that
// exits 0 shows no failed test.
func TestJUnitBelowFailOnPasses(t *testing.T) {
	doc := readJUnit(t, render(t, "junit", Options{}, goldenRun, goldenFindings()))
	if doc.Tests != 8 || doc.Failures != 5 {
		t.Errorf("testsuites: %d tests, %d failures; want 8, 5", doc.Tests, doc.Failures)
	}
	var got []string
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			state := "passes"
			if c.Failure != nil {
				state = "fails"
			}
			if c.SystemOut != nil {
				state += ", out " + strings.SplitN(*c.SystemOut, "\n", 2)[0]
			}
			got = append(got, s.Name+": "+c.Name+" "+state)
		}
	}
	want := []string{
		"gamma.toml: no problems passes",
		"models/alpha.toml: CR301 get-without-tactic at 1:1 fails",
		"models/alpha.toml: CR301 get-without-tactic at 1:1 (2) fails",
		"models/alpha.toml: CR101 segment-without-relationship at 5:6 fails",
		"models/alpha.toml: CR202 high-touch-without-costs at 31:1 fails",
		"models/beta model.toml: CR101 segment-without-relationship at 2:6 fails",
		`models/beta model.toml: CR402 summary-too-long at 40:11 passes, out models/beta model.toml:40:11: info: summary "margins < 5% & rising"`,
		"models/beta model.toml: CR999 house-style at 44:1 passes, out models/beta model.toml:44:1: warning: naming: ids use kebab-case, not snake_case [CR999 house-style]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cases:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
