package lint_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/policies"
)

// catalog is SPEC §3: every code and name crlint promises, forever.
var catalog = map[string]string{
	"CR001": "syntax-error", "CR002": "unknown-key", "CR003": "invalid-value", "CR004": "missing-field",
	"CR005": "duplicate-id", "CR006": "unknown-reference", "CR007": "unused-suppression",
	"CR008": "stale-baseline",
	"CR101": "relationship-without-segment", "CR102": "segment-without-relationship",
	"CR103": "expectation-unmet", "CR104": "expectation-without-evidence",
	"CR105": "high-touch-mass-market", "CR106": "one-size-fits-all",
	"CR201": "high-touch-without-resources", "CR202": "high-touch-without-costs",
	"CR203": "community-without-activity", "CR204": "automated-without-technology",
	"CR205": "indirect-without-partner", "CR206": "direct-without-owned-channel",
	"CR207": "long-term-without-recurring-revenue", "CR208": "cost-level-understated",
	"CR209": "relationship-without-value-proposition", "CR210": "relationship-without-channel",
	"CR211": "relationship-channel-mismatch", "CR212": "relationship-value-proposition-mismatch",
	"CR301": "empty-phase", "CR302": "tactic-without-relationship", "CR303": "relationship-without-motivation",
	"CR304": "keep-relies-on-switching-costs", "CR305": "keep-relies-on-transactional",
	"CR306": "mature-acquisition-heavy", "CR307": "tactic-motivation-mismatch",
	"CR308": "deep-relationship-without-keep",
	"CR401": "summary-missing", "CR402": "summary-overloaded", "CR403": "summary-names-unused-type",
	"CR404": "competitor-parity",
}

// offByDefault are the rules that run only when turned on, with the
// severity they have then (SPEC §3: "off (warning when turned on)").
var offByDefault = map[string]string{"CR207": "warning", "CR307": "info", "CR308": "info"}

// ruleOptions are the options each rule takes, with their defaults.
var ruleOptions = map[string]map[string]int{"CR402": {"max_words": 12, "max_types": 4}}

var testRule = regexp.MustCompile(`(?m)^(test_(pass|fail)\w*)\s+if\b`)

// TestCatalogComplete: every rule of the catalog exists with its name, its
// documentation (why, fix, bad, good, guidance), an up-to-date docs page, a
// passing and a failing Rego test and a Go fixture with exact positions.
// Adding a rule without them fails the build.
func TestCatalogComplete(t *testing.T) {
	e := testEngine(t)
	if got := len(e.Rules()); got != len(catalog) {
		t.Errorf("%d rules, the catalog has %d", got, len(catalog))
	}
	fixtures, _ := filepath.Glob("testdata/rules/CR*.toml")
	for code, name := range catalog {
		t.Run(code, func(t *testing.T) {
			r := e.Lookup(code)
			if r == nil {
				t.Fatalf("no rule %s", code)
			}
			if r.Name != name {
				t.Errorf("name %q, want %q", r.Name, name)
			}
			_, wantOff := offByDefault[code]
			if r.DefaultOff != wantOff || (wantOff && r.Severity.String() != offByDefault[code]) {
				t.Errorf("off by default %v at %s, want %v at %s", r.DefaultOff, r.Severity, wantOff, offByDefault[code])
			}
			opts := map[string]int{}
			for _, o := range r.Options {
				opts[o.Name] = o.Default
				if o.Description == "" {
					t.Errorf("option %s has no description", o.Name)
				}
			}
			if want := ruleOptions[code]; len(opts) != len(want) || !maps.Equal(opts, want) {
				t.Errorf("options %v, want %v", opts, want)
			}
			if r.Summary == "" || r.Why == "" || r.Fix == "" || r.Bad == "" || r.Good == "" {
				t.Errorf("documentation incomplete: summary, why, fix, bad and good are all needed")
			}
			page, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", name+".md"))
			if err != nil {
				t.Errorf("no docs page: %v (run make docs)", err)
			} else if string(page) != r.Markdown() {
				t.Errorf("docs/rules/%s.md is out of date (run make docs)", name)
			}
			if r.File == "" {
				return // a loader rule: tested in pkg/model
			}
			if len(r.Guidance) == 0 {
				t.Errorf("no guidance passage")
			}
			test, err := policies.FS.ReadFile(strings.TrimSuffix(r.File, ".rego") + "_test.rego")
			if err != nil {
				t.Fatalf("no Rego tests beside %s", r.File)
			}
			kinds := map[string]bool{}
			for _, m := range testRule.FindAllStringSubmatch(string(test), -1) {
				kinds[m[2]] = true
			}
			if !kinds["pass"] || !kinds["fail"] {
				t.Errorf("Rego tests need a test_pass_* and a test_fail_*; found %v", kinds)
			}
			hasFixture := false
			for _, f := range fixtures {
				if strings.HasPrefix(filepath.Base(f), code+"-") {
					src, _ := os.ReadFile(f)
					hasFixture = hasFixture || strings.Contains(string(src), "# want: "+code+" ")
				}
			}
			if !hasFixture {
				t.Errorf("no fixture under testdata/rules with a '# want: %s' line", code)
			}
		})
	}
}

// TestCatalogPageUpToDate: docs/rules/README.md lists every rule with its
// default, off-by-default rules as "off (severity)".
func TestCatalogPageUpToDate(t *testing.T) {
	e := testEngine(t)
	page, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", "README.md"))
	if err != nil || string(page) != lint.CatalogMarkdown(e.Rules()) {
		t.Fatalf("docs/rules/README.md is missing or out of date (run make docs): %v", err)
	}
	for code, sev := range offByDefault {
		r := e.Lookup(code)
		if !strings.Contains(string(page), fmt.Sprintf("| %s | [%s](%s.md) | off (%s) |", code, r.Name, r.Name, sev)) {
			t.Errorf("docs/rules/README.md does not show %s off by default", code)
		}
	}
}

// TestGuidanceQuotedVerbatim: every passage a rule quotes is in the guidance
// file it names (white space aside), so the docs never misquote a source.
func TestGuidanceQuotedVerbatim(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "guidance")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("guidance texts not found beside the repository")
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, r := range testEngine(t).Rules() {
		for _, g := range r.Guidance {
			file := strings.Fields(g.Source)[0]
			src, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Errorf("%s: guidance source %q: %v", r.Code, g.Source, err)
				continue
			}
			if !strings.Contains(norm(string(src)), norm(g.Quote)) {
				t.Errorf("%s: quote not found verbatim in %s: %q", r.Code, file, g.Quote)
			}
		}
	}
}
