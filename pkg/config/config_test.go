package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, p, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ src, want string }{
		{"fail-on = \"warning\"\n", `unknown key "fail-on" (did you mean "fail_on"?)`},
		{"fail_on = \"warnings\"\n", `fail_on = "warnings" is not one of error, warning, info, none (did you mean "warning"?)`},
		{"[rules]\nCR101 = \"of\"\n", `[rules] CR101 = "of" is not one of off, info, warning, error (did you mean "off"?)`},
		{"exclude = [\"[\"]\n", `exclude pattern "["`},
		{"fail_on = \n", `.crlint.toml:1:`},
		{"[rules]\nCR101 = 1\n", `.crlint.toml: [rules] CR101 = 1: a rule takes a severity string (off, info, warning, error) or a table of options (write e.g. "warning", or "off")`},
		{"[rules]\nCR209 = false\n", `.crlint.toml: [rules] CR209 = false: a rule takes a severity string (off, info, warning, error) or a table of options (did you mean "off"?)`},
		{"[rules]\nCR209 = true\n", `[rules] CR209 = true: a rule takes a severity string (off, info, warning, error) or a table of options (did you mean "warning"?)`},
		{"[rules]\nCR209 = [\"off\"]\n", `[rules] CR209 = ["off"]: a rule takes a severity string`},
		{"[rules.summary-overloaded]\nseverity = \"warn\"\n", `[rules.summary-overloaded] severity = "warn" is not one of off, info, warning, error (did you mean "warning"?)`},
		{"[rules.summary-overloaded]\nseverity = 2\n", `[rules.summary-overloaded] severity = 2 is not one of off, info, warning, error`},
		{"select = \"CR201\"\n", `.crlint.toml: select = "CR201" must be an array of rule codes or names (did you mean select = ["CR201"]?)`},
		{"extend_select = [1]\n", `.crlint.toml: extend_select[0] = 1 must be a rule code or name, e.g. "CR207"`},
		{"extend-select = []\n", `unknown key "extend-select" (did you mean "extend_select"?)`},
		{"rules = 5\n", `.crlint.toml: rules = 5: [rules] is a table of rule codes or names, e.g. [rules] CR401 = "off"`},
		{"rules = [\"CR401\"]\n", `.crlint.toml: rules = ["CR401"]: [rules] is a table`},
		{"fail_on = 5\n", `.crlint.toml: fail_on = 5 must be a string: one of error, warning, info, none`},
		{"policies = \"house\"\n", `.crlint.toml: policies = "house" must be an array of policy directories (did you mean policies = ["house"]?)`},
		{"exclude = 3\n", `.crlint.toml: exclude = 3 must be an array of glob patterns, e.g. exclude = ["drafts/**"]`},
		{"exclude = [\"a\", 1]\n", `.crlint.toml: exclude[1] = 1 must be a glob pattern, e.g. "drafts/**"`},
	}
	for _, tt := range tests {
		p := write(t, filepath.Join(dir, FileName), tt.src)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) = %v, want an error containing %q", tt.src, err, tt.want)
		}
	}
}

func TestLoadRuleSettings(t *testing.T) {
	p := write(t, filepath.Join(t.TempDir(), FileName), `select = ["CR101", "summary-overloaded"]
extend_select = ["CR207"]
[rules]
CR401 = "off"
[rules.summary-overloaded]
severity = "info"
max_words = 15
[rules.CR402]
max_types = 5
`)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]RuleSetting{
		"CR401":              {Severity: "off"},
		"summary-overloaded": {Severity: "info", Options: map[string]any{"max_words": int64(15)}},
		"CR402":              {Options: map[string]any{"max_types": int64(5)}},
	}
	if !reflect.DeepEqual(c.Rules, want) {
		t.Errorf("rules %#v, want %#v", c.Rules, want)
	}
	if !slices.Equal(c.Select, []string{"CR101", "summary-overloaded"}) || !slices.Equal(c.ExtendSelect, []string{"CR207"}) {
		t.Errorf("select %q, extend_select %q", c.Select, c.ExtendSelect)
	}
}

func TestDiscoveryWalksUpAndResolvesPolicies(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "fail_on = \"warning\"\npolicies = [\"house\"]\n")
	write(t, filepath.Join(root, "team", "deep", FileName), "fail_on = \"info\"\n")
	f := NewFinder()
	c, err := f.For(filepath.Join(root, "team", "model.toml"))
	if err != nil || c == nil {
		t.Fatalf("For: %v, %v", c, err)
	}
	if c.FailOn != "warning" || c.Policies[0] != filepath.Join(root, "house") {
		t.Errorf("got %+v", c)
	}
	c2, err := f.For(filepath.Join(root, "team", "deep", "m.toml"))
	if err != nil || c2.FailOn != "info" {
		t.Errorf("nearest config not used: %+v %v", c2, err)
	}
	c3, _ := f.For(filepath.Join(root, "team", "other.toml"))
	if c3 != c {
		t.Errorf("config read twice or not cached")
	}
	none, err := NewFinder().For(filepath.Join(t.TempDir(), "m.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The temp dir may sit below a directory with a .crlint.toml only on a
	// strange machine; normally nothing is found.
	if none != nil && !strings.HasPrefix(root, filepath.Dir(none.Path)) {
		t.Logf("found %s above the temp dir", none.Path)
	}
}

func TestExcluded(t *testing.T) {
	root := t.TempDir()
	c, err := Load(write(t, filepath.Join(root, FileName), "exclude = [\"drafts\", \"*.wip.toml\", \"archive/2024/*.toml\", \"**/old/**\", \"ideas/**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{
		"drafts/a.toml":       true,
		"team/drafts/b.toml":  true,
		"x.wip.toml":          true,
		"team/y.wip.toml":     true,
		"archive/2024/z.toml": true,
		"archive/2025/z.toml": false,
		"models/bank.toml":    false,
		"draftsman/bank.toml": false,
		"old/a.toml":          true,
		"team/x/old/a.toml":   true,
		"team/older/a.toml":   false,
		"ideas/a.toml":        true,
		"ideas/deep/a.toml":   true,
		"team/ideas/a.toml":   false, // a pattern with a slash starts at the config's directory
	} {
		if got := c.Excluded(filepath.Join(root, file)); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", file, got, want)
		}
	}
}

// TestTooManyExcludes: a config may have MaxExclude patterns, not more.
func TestTooManyExcludes(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{MaxExclude, MaxExclude + 1} {
		pats := make([]string, n)
		for i := range pats {
			pats[i] = fmt.Sprintf("%q", fmt.Sprintf("drafts%d/**", i))
		}
		file := filepath.Join(dir, FileName)
		if err := os.WriteFile(file, []byte("exclude = ["+strings.Join(pats, ",")+"]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(file)
		switch {
		case n <= MaxExclude && err != nil:
			t.Errorf("%d patterns: %v", n, err)
		case n > MaxExclude && (err == nil || !strings.Contains(err.Error(), fmt.Sprintf("exclude has %d glob patterns; at most %d", n, MaxExclude))):
			t.Errorf("%d patterns: %v, want the limit named", n, err)
		}
	}
}
