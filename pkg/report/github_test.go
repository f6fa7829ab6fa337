package report

import (
	"context"
	"strings"
	"testing"
)

func TestGitHubEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"plain":          "plain",
		"100%":           "100%25",
		"%0A":            "%250A",
		"a\nb":           "a%0Ab",
		"a\r\nb":         "a%0D%0Ab",
		`"quoted": a, b`: `"quoted": a, b`,
	} {
		if got := githubData(in); got != want {
			t.Errorf("githubData(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"models/alpha.toml": "models/alpha.toml",
		"C:/x,y.toml":       "C%3A/x%2Cy.toml",
		"50%\n":             "50%25%0A",
		"CR202 a-b":         "CR202 a-b",
	} {
		if got := githubProperty(in); got != want {
			t.Errorf("githubProperty(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGitHubOneLinePerFinding checks that a line break in a message cannot
// start a workflow command of its own.
func TestGitHubOneLinePerFinding(t *testing.T) {
	fs := []Finding{
		{Code: "CR1", Rule: "r", Severity: Error, File: "a,b:c.toml", Line: 3, Column: 4, Message: "x\n::add-mask::secret"},
		{Code: "CR2", Rule: "s", Severity: Warning, File: "m.toml", Line: 1, Column: 1, Message: "w"},
		{Code: "CR3", Rule: "t", Severity: Info, File: "m.toml", Line: 2, Column: 1, Message: "i"},
	}
	out := string(render(t, "github", Options{}, Run{}, fs))
	want := "::error file=a%2Cb%3Ac.toml,line=3,col=4,title=CR1 r::x%0A::add-mask::secret\n" +
		"::warning file=m.toml,line=1,col=1,title=CR2 s::w\n" +
		"::notice file=m.toml,line=2,col=1,title=CR3 t::i\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if n := strings.Count(out, "\n"); n != len(fs) {
		t.Errorf("%d lines for %d findings", n, len(fs))
	}
}

// TestGitHubEnd: an annotation spans the finding's range, and a finding
// without an end (a loader problem at one point) gives none.
func TestGitHubEnd(t *testing.T) {
	var b strings.Builder
	g := NewGitHub(&b, Options{})
	fs := []Finding{
		{Code: "CR1", Rule: "r", Severity: Error, Message: "m", File: "a.toml", Line: 3, Column: 5, EndLine: 4, EndColumn: 2},
		{Code: "CR2", Rule: "s", Severity: Error, Message: "n", File: "a.toml", Line: 7, Column: 1},
	}
	if err := g.Report(context.Background(), Run{}, fs); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a.toml,line=3,col=5,endLine=4,endColumn=2,title=CR1 r::m\n" +
		"::error file=a.toml,line=7,col=1,title=CR2 s::n\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
