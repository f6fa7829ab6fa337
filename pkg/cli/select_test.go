package cli

import (
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
	if !strings.Contains(out, "CR207  long-term-without-recurring-revenue     off (warning)") {
		t.Errorf("rules does not show CR207 off by default:\n%s", out)
	}
	_, out, _ = run(t, "", "rules", "-f", "json")
	if !strings.Contains(out, `"off_by_default": true`) || !strings.Contains(out, `"name": "max_words"`) {
		t.Errorf("rules -f json lacks off_by_default or options:\n%s", out)
	}
	_, out, _ = run(t, "", "explain", "summary-overloaded")
	if !strings.Contains(out, "- `max_words` (default 12)") || !strings.Contains(out, "house style") {
		t.Errorf("explain lacks the options:\n%s", out)
	}
}
