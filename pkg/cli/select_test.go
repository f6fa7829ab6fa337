package cli

import (
	"regexp"
	"strings"
	"testing"
)

// selectModel has a long-term relationship that no recurring revenue
// serves (CR207, off by default) and a keep tactic without a relationship
// (CR302, info).
const selectModel = `name = "Select"
[summary]
relationships = "Long-term coaching"
[[segments]]
id = "s"
[[relationships]]
id = "coach"
type = "long_term"
segments = ["s"]
motivations = ["retention"]
[[revenue_streams]]
id = "fee"
type = "asset_sale"
[[get]]
tactic = "Ads"
relationships = ["coach"]
[[keep]]
tactic = "Calls"
[[grow]]
tactic = "Upsell"
relationships = ["coach"]
`

// TestSelectFlagsAndConfig: --select, --extend-select, --disable and the
// config keys select, extend_select and [rules] decide which rules run.
func TestSelectFlagsAndConfig(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", selectModel)
	codes := func(out string) string {
		var cs []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if i := strings.LastIndex(l, "[CR"); i >= 0 {
				cs = append(cs, strings.Fields(l[i+1:])[0])
			}
		}
		return strings.Join(cs, " ")
	}
	tests := []struct {
		config string
		args   []string
		want   string
	}{
		{"", nil, "CR302"},
		{"", []string{"--extend-select", "CR207"}, "CR207 CR302"},
		{"", []string{"--select", "long-term-without-recurring-revenue"}, "CR207"},
		{"", []string{"--extend-select", "CR207", "--disable", "CR207,CR302"}, ""},
		{"[rules]\nCR207 = \"error\"\n", nil, "CR207 CR302"},
		{"extend_select = [\"CR207\"]\n", nil, "CR207 CR302"},
		{"select = [\"CR207\"]\n", nil, "CR207"},
		{"select = [\"CR207\"]\n", []string{"--select", "CR302"}, "CR302"},
	}
	for _, tt := range tests {
		writeFile(t, dir, ".crlint.toml", tt.config)
		args := append([]string{"check", "-f", "compact", "--fail-on", "none", m}, tt.args...)
		code, out, stderr := run(t, "", args...)
		if code != 0 || stderr != "" || codes(out) != tt.want {
			t.Errorf("config %q, %q: exit %d, codes %q, want %q; stderr %q", tt.config, tt.args, code, codes(out), tt.want, stderr)
		}
	}
}

// TestSelectErrors: unknown rules and bad [rules] values are exit 2 with a
// one-line reason that names the config file and key, and a suggestion.
func TestSelectErrors(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", selectModel)
	tests := []struct {
		config string
		args   []string
		want   string
	}{
		{"", []string{"--select", "CR2O7"}, `--select: unknown rule "CR2O7" (did you mean "CR207"?)`},
		{"", []string{"--extend-select", "long-term-without-recurring"}, `--extend-select: unknown rule "long-term-without-recurring"`},
		{"select = [\"cr207\"]\n", nil, `.crlint.toml: select: unknown rule "cr207" (did you mean "CR207"?)`},
		{"[rules]\nCR209 = false\n", nil, `.crlint.toml: [rules] CR209 = false: a rule takes a severity string (off, info, warning, error) or a table of options (did you mean "off"?)`},
		{"[rules]\nCR209 = 5\n", nil, `.crlint.toml: [rules] CR209 = 5: a rule takes a severity string`},
		{"[rules.summary-overloaded]\nmax_word = 15\n", nil, `.crlint.toml: [rules.summary-overloaded]: unknown option "max_word" (did you mean "max_words"?`},
		{"[rules.summary-overloaded]\nmax_words = \"15\"\n", nil, `[rules.summary-overloaded] max_words = 15: must be a whole number of 0 or more, e.g. max_words = 12`},
	}
	for _, tt := range tests {
		writeFile(t, dir, ".crlint.toml", tt.config)
		code, _, stderr := run(t, "", append([]string{"check", m}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("config %q, %q: exit %d, stderr %q, want %q", tt.config, tt.args, code, stderr, tt.want)
		}
	}
}

// TestRulesShowsDefaultOff: the listing marks rules that are off by default
// and explain shows a rule's options.
func TestRulesShowsDefaultOff(t *testing.T) {
	_, out, _ := run(t, "", "rules")
	if !regexp.MustCompile(`(?m)^CR207\s+long-term-without-recurring-revenue\s+off \(warning\)\s`).MatchString(out) ||
		!regexp.MustCompile(`(?m)^CR308\s+deep-relationship-without-keep\s+off \(info\)\s`).MatchString(out) {
		t.Errorf("rules does not show CR207 off by default:\n%s", out)
	}
	_, out, _ = run(t, "", "rules", "-f", "json")
	if !strings.Contains(out, `"off_by_default": true`) || !strings.Contains(out, `"name": "max_words"`) ||
		!strings.Contains(out, `"default": "off"`) || !strings.Contains(out, `"default": "warning"`) {
		t.Errorf("rules -f json lacks off_by_default or options:\n%s", out)
	}
	_, out, _ = run(t, "", "explain", "summary-overloaded")
	if !strings.Contains(out, "- `max_words` (default 12)") || !strings.Contains(out, "house style") {
		t.Errorf("explain lacks the options:\n%s", out)
	}
}

// TestCustomRuleOptionsAndDefaultOff: a custom policy may be off by default
// and take options, which reach its Rego through data.crlint.options.
func TestCustomRuleOptionsAndDefaultOff(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "house.rego", `# METADATA
# title: too-many-gets
# description: More get tactics than the house allows.
# custom:
#   code: HOUSE010
#   severity: warning
#   off_by_default: true
#   options:
#     - name: max_gets
#       default: 1
#       description: the most get tactics a model may have
package crlint.rules.house["too-many-gets"]

import data.crlint.lib

report contains {"path": ["get"], "message": sprintf("%d get tactics, more than %d", [count(input.get), limit])} if {
	limit := lib.option("too-many-gets", "max_gets", 1)
	count(input.get) > limit
}
`)
	m := writeFile(t, dir, "m.toml", selectModel+"[[get]]\ntactic = \"Ads\"\n")
	check := func(config string, args ...string) string {
		t.Helper()
		writeFile(t, dir, ".crlint.toml", config)
		code, out, stderr := run(t, "", append([]string{"check", "-f", "compact", "--fail-on", "none", "-p", dir, m}, args...)...)
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		return out
	}
	if out := check(""); strings.Contains(out, "HOUSE010") {
		t.Errorf("an off-by-default custom rule ran:\n%s", out)
	}
	if out := check("", "--extend-select", "HOUSE010"); !strings.Contains(out, "2 get tactics, more than 1 [HOUSE010 too-many-gets]") {
		t.Errorf("--extend-select did not run it with its default:\n%s", out)
	}
	if out := check("[rules.too-many-gets]\nseverity = \"info\"\nmax_gets = 5\n"); strings.Contains(out, "HOUSE010") {
		t.Errorf("max_gets = 5 did not reach the rule:\n%s", out)
	}
	if out := check("[rules.HOUSE010]\nseverity = \"info\"\nmax_gets = 0\n"); !strings.Contains(out, "info: 2 get tactics, more than 0 [HOUSE010") {
		t.Errorf("[rules.HOUSE010] did not turn the rule on with its option:\n%s", out)
	}
	_, out, _ := run(t, "", "explain", "-p", dir, "HOUSE010")
	if !strings.Contains(out, "- `max_gets` (default 1): the most get tactics a model may have") || !strings.Contains(out, "off by default") {
		t.Errorf("explain lacks the option or the default:\n%s", out)
	}
}
