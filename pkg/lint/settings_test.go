package lint_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
)

// settingsModel gives findings of CR101 (error), CR207 (off by default),
// CR302 (info) and CR402 (warning, 13 words).
const settingsModel = `name = "m"
[summary]
relationships = "one two three four five six seven eight nine ten eleven twelve thirteen"
[[segments]]
id = "s"
[[relationships]]
id = "coach"
type = "long_term"
segments = ["s"]
motivations = ["retention"]
[[relationships]]
id = "orphan"
type = "self_service"
motivations = ["acquisition"]
[[get]]
tactic = "Ads"
relationships = ["orphan"]
[[keep]]
tactic = "Calls"
[[grow]]
tactic = "Upsell"
relationships = ["coach"]
`

// codesWith checks settingsModel under a selection and returns the codes
// of its findings with their severities, sorted.
func codesWith(t *testing.T, sel lint.Selection) []string {
	t.Helper()
	e := testEngine(t)
	s, err := e.NewSettings(sel)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.CheckWith(context.Background(), model.Load("m.toml", []byte(settingsModel)), s)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Code+" "+f.Severity.String())
	}
	slices.Sort(got)
	return got
}

func TestSettingsSelection(t *testing.T) {
	sev := func(code, s string) map[string]config.RuleSetting {
		return map[string]config.RuleSetting{code: {Severity: s}}
	}
	tests := []struct {
		name string
		sel  lint.Selection
		want []string
	}{
		{"defaults leave CR207 off", lint.Selection{},
			[]string{"CR101 error", "CR302 info", "CR402 warning"}},
		{"a severity in [rules] turns an off rule on", lint.Selection{Rules: sev("CR207", "warning")},
			[]string{"CR101 error", "CR207 warning", "CR302 info", "CR402 warning"}},
		{"by name, at another severity", lint.Selection{Rules: sev("long-term-without-recurring-revenue", "error")},
			[]string{"CR101 error", "CR207 error", "CR302 info", "CR402 warning"}},
		{"extend_select adds an off rule at its severity", lint.Selection{ExtendSelect: []string{"CR207"}},
			[]string{"CR101 error", "CR207 warning", "CR302 info", "CR402 warning"}},
		{"--extend-select too", lint.Selection{FlagExtendSelect: []string{"long-term-without-recurring-revenue"}},
			[]string{"CR101 error", "CR207 warning", "CR302 info", "CR402 warning"}},
		{"select runs only those", lint.Selection{FlagSelect: []string{"CR101,CR207"}},
			[]string{"CR101 error", "CR207 warning"}},
		{"config select", lint.Selection{Select: []string{"CR302"}},
			[]string{"CR302 info"}},
		{"--select replaces the config's select", lint.Selection{Select: []string{"CR302"}, FlagSelect: []string{"CR402"}},
			[]string{"CR402 warning"}},
		{"select plus extend", lint.Selection{Select: []string{"CR302"}, FlagExtendSelect: []string{"CR101"}},
			[]string{"CR101 error", "CR302 info"}},
		{"disable removes a selected rule", lint.Selection{FlagSelect: []string{"CR101", "CR302"}, Disable: []string{"CR302"}},
			[]string{"CR101 error"}},
		{"disable wins over extend", lint.Selection{FlagExtendSelect: []string{"CR207"}, Disable: []string{"CR207"}},
			[]string{"CR101 error", "CR302 info", "CR402 warning"}},
		{"[rules] off", lint.Selection{Rules: sev("CR101", "off")},
			[]string{"CR302 info", "CR402 warning"}},
		{"a severity of a selected rule", lint.Selection{FlagSelect: []string{"CR302"}, Rules: sev("CR302", "error")},
			[]string{"CR302 error"}},
		{"a severity outside select does not add the rule", lint.Selection{FlagSelect: []string{"CR302"}, Rules: sev("CR207", "warning")},
			[]string{"CR302 info"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codesWith(t, tt.sel); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSelectKeepsSyntaxErrors: a file that does not parse is reported
// whatever --select names, unless CR001 itself is disabled.
func TestSelectKeepsSyntaxErrors(t *testing.T) {
	e := testEngine(t)
	doc := model.Load("m.toml", []byte("name = \n"))
	for _, tt := range []struct {
		sel  lint.Selection
		want int
	}{
		{lint.Selection{FlagSelect: []string{"CR201"}}, 1},
		{lint.Selection{FlagSelect: []string{"CR201"}, Disable: []string{"CR001"}}, 0},
	} {
		s, err := e.NewSettings(tt.sel)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := e.CheckWith(context.Background(), doc, s)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != tt.want || (len(fs) == 1 && fs[0].Code != "CR001") {
			t.Errorf("%+v: got %v, want %d CR001", tt.sel, fs, tt.want)
		}
	}
}

func TestSettingsOptions(t *testing.T) {
	opts := func(o map[string]any) lint.Selection {
		return lint.Selection{Rules: map[string]config.RuleSetting{"summary-overloaded": {Options: o}}}
	}
	// 13 words is within 15.
	if got := codesWith(t, opts(map[string]any{"max_words": int64(15)})); slices.Contains(got, "CR402 warning") {
		t.Errorf("max_words = 15 still reports 13 words: %q", got)
	}
	// The plain form and the table form by code agree.
	got := codesWith(t, lint.Selection{Rules: map[string]config.RuleSetting{"CR402": {Severity: "info", Options: map[string]any{"max_words": int64(10)}}}})
	if !slices.Contains(got, "CR402 info") {
		t.Errorf("[rules.CR402] severity = info, max_words = 10: got %q", got)
	}
	// A severity by code and options by name are one setting, not a
	// conflict: CR402 = "info" beside [rules.summary-overloaded].
	got = codesWith(t, lint.Selection{Rules: map[string]config.RuleSetting{
		"CR402":              {Severity: "info"},
		"summary-overloaded": {Options: map[string]any{"max_words": int64(10)}},
	}})
	if !slices.Contains(got, "CR402 info") {
		t.Errorf("CR402 = info with [rules.summary-overloaded] max_words = 10: got %q", got)
	}
	got = codesWith(t, lint.Selection{Rules: map[string]config.RuleSetting{
		"CR402":              {Severity: "info"},
		"summary-overloaded": {Options: map[string]any{"max_words": int64(13)}},
	}})
	if slices.ContainsFunc(got, func(c string) bool { return strings.HasPrefix(c, "CR402") }) {
		t.Errorf("max_words = 13 beside CR402 = info did not reach the rule: got %q", got)
	}
	// Options set to their METADATA defaults change nothing: the Rego
	// defaults and the catalog's agree.
	r := testEngine(t).Lookup("CR402")
	defaults := map[string]any{}
	for _, o := range r.Options {
		defaults[o.Name] = int64(o.Default)
	}
	if a, b := codesWith(t, opts(defaults)), codesWith(t, lint.Selection{}); !slices.Equal(a, b) {
		t.Errorf("the catalog's defaults %v differ from the rule's: %q vs %q", defaults, a, b)
	}
}

func TestSettingsErrors(t *testing.T) {
	e := testEngine(t)
	rules := func(k string, s config.RuleSetting) map[string]config.RuleSetting {
		return map[string]config.RuleSetting{k: s}
	}
	tests := []struct {
		sel  lint.Selection
		want string
	}{
		{lint.Selection{FlagSelect: []string{"CR2O9"}}, `--select: unknown rule "CR2O9" (did you mean "CR209"?)`},
		{lint.Selection{Select: []string{"high-touch-without-cost"}}, `select: unknown rule "high-touch-without-cost" (did you mean "high-touch-without-costs"?)`},
		{lint.Selection{FlagExtendSelect: []string{"cr207"}}, `--extend-select: unknown rule "cr207" (did you mean "CR207"?)`},
		{lint.Selection{ExtendSelect: []string{"CR999"}}, `extend_select: unknown rule "CR999"`},
		{lint.Selection{Disable: []string{"sumary-missing"}}, `--disable: unknown rule "sumary-missing" (did you mean "summary-missing"?)`},
		{lint.Selection{Rules: rules("summary-overloaded", config.RuleSetting{Options: map[string]any{"max_word": int64(3)}})},
			`[rules.summary-overloaded]: unknown option "max_word" (did you mean "max_words"? CR402 summary-overloaded takes severity, max_words, max_types)`},
		{lint.Selection{Rules: rules("CR101", config.RuleSetting{Options: map[string]any{"max_words": int64(3)}})},
			`[rules.CR101]: unknown option "max_words": CR101 relationship-without-segment takes only severity`},
		{lint.Selection{Rules: rules("CR402", config.RuleSetting{Options: map[string]any{"max_words": "15"}})},
			`[rules.CR402] max_words = 15: must be a whole number of 0 or more, e.g. max_words = 12`},
		{lint.Selection{Rules: rules("CR402", config.RuleSetting{Options: map[string]any{"max_types": int64(-1)}})},
			`max_types = -1: must be a whole number of 0 or more`},
		{lint.Selection{Rules: map[string]config.RuleSetting{"CR402": {Severity: "info"}, "summary-overloaded": {Severity: "warning"}}},
			`[rules]: CR402 and summary-overloaded set the same rule differently`},
		{lint.Selection{Rules: map[string]config.RuleSetting{
			"CR402":              {Options: map[string]any{"max_words": int64(10)}},
			"summary-overloaded": {Options: map[string]any{"max_words": int64(15)}},
		}}, `[rules]: CR402 and summary-overloaded set max_words of the same rule differently`},
	}
	for _, tt := range tests {
		_, err := e.NewSettings(tt.sel)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: got %v, want %q", tt.sel, err, tt.want)
		}
	}
}
