package report

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenRun is a run over three models, one of them without findings.
// alpha fails at warning, beta at error (its info and warning findings are
// passing JUnit test cases), gamma at the default.
var goldenRun = Run{Files: 3, FileNames: []string{"gamma.toml", "models/alpha.toml", "models/beta model.toml"},
	FailAt: map[string]Severity{"models/alpha.toml": Warning, "models/beta model.toml": Error}}

// goldenRules are the rules of the golden run; CR302 has no finding and
// CR999 (a custom policy) is missing, so its entry is derived.
func goldenRules() []RuleInfo {
	return []RuleInfo{
		{Code: "CR101", Name: "segment-without-relationship", Severity: Warning,
			Summary: "Every customer segment is served by a relationship",
			Help:    "A segment nobody has a relationship with is a segment in name only. Add a relationship whose segments list it."},
		{Code: "CR202", Name: "high-touch-without-costs", Severity: Error,
			Summary: "Personal relationships name the costs they create",
			Help:    "Dedicated and personal assistance cost staff time. Link the cost structure entries they create."},
		{Code: "CR301", Name: "get-without-tactic", Severity: Warning,
			Summary: "The get phase has at least one tactic",
			Help:    "Customers have to be acquired before they can be kept. Add a [[get]] tactic."},
		{Code: "CR302", Name: "tactic-without-relationship", Severity: Warning,
			Summary: "Every tactic names the relationship it builds",
			Help:    "A tactic that serves no relationship is activity without a purpose. Name its relationships."},
		{Code: "CR402", Name: "summary-too-long", Severity: Info,
			Summary: "The summary fits on one line",
			Help:    "A summary is read at a glance. Keep it to one short line."},
	}
}

// goldenFindings are sorted as Sort leaves them, and carry the characters
// each format must escape: quotes, ":", ",", "%", a line break, "<" and "&".
func goldenFindings() []Finding {
	return []Finding{
		{Code: "CR301", Rule: "get-without-tactic", Severity: Warning,
			Message: "the get phase has no tactic",
			File:    "models/alpha.toml", Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Path: "get"},
		{Code: "CR301", Rule: "get-without-tactic", Severity: Warning,
			Message: "the keep phase has no tactic",
			File:    "models/alpha.toml", Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Path: "keep"},
		{Code: "CR101", Rule: "segment-without-relationship", Severity: Warning,
			Message: `segment "smb": served by 0 relationships, 0 channels`,
			File:    "models/alpha.toml", Line: 5, Column: 6, EndLine: 5, EndColumn: 11, Path: "segments[0].id",
			Hint: `add a relationship with segments = ["smb"]`},
		{Code: "CR202", Rule: "high-touch-without-costs", Severity: Error,
			Message: `relationship "private-banker" (dedicated_personal_assistance) has no cost entry`,
			File:    "models/alpha.toml", Line: 31, Column: 1, EndLine: 31, EndColumn: 6, Path: "relationships[0].costs",
			Hint: `link the costs it creates: costs = ["..."]`},
		{Code: "CR101", Rule: "segment-without-relationship", Severity: Error,
			Message: `segment "hnwi" is served by nothing`,
			File:    "models/beta model.toml", Line: 2, Column: 6, EndLine: 2, EndColumn: 12, Path: "segments[0].id"},
		{Code: "CR402", Rule: "summary-too-long", Severity: Info,
			Message: "summary \"margins < 5% & rising\"\nruns over two lines",
			File:    "models/beta model.toml", Line: 40, Column: 11, EndLine: 41, EndColumn: 4, Path: "summary.text",
			Hint: "shorten it to one line"},
		{Code: "CR999", Rule: "house-style", Severity: Warning,
			Message: "naming: ids use kebab-case, not snake_case",
			File:    "models/beta model.toml", Line: 44, Column: 1, EndLine: 44, EndColumn: 3, Path: "channels[2].id"},
	}
}

// render writes fs in format through New, as the CLI does.
func render(t *testing.T, format string, o Options, run Run, fs []Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	rep, err := New(format, &buf, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Report(context.Background(), run, fs); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden compares each format's output for the golden findings with
// testdata/golden.<format>, byte for byte; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, format := range []string{"sarif", "github", "junit", "codeclimate"} {
		t.Run(format, func(t *testing.T) {
			out := render(t, format, Options{Rules: goldenRules(), Version: "1.2.3"}, goldenRun, goldenFindings())
			golden := filepath.Join("testdata", "golden."+format)
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("output differs from %s (run go test -update to accept):\n%s", golden, out)
			}
		})
	}
}

func TestNewFormats(t *testing.T) {
	for _, format := range []string{"sarif", "github", "junit", "codeclimate"} {
		if _, err := New(format, &bytes.Buffer{}, Options{}); err != nil {
			t.Errorf("New(%q): %v", format, err)
		}
	}
}
