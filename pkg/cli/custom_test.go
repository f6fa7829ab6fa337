package cli

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/report"
)

// custom is where the fixture policies live.
const custom = "testdata/custom/"

// customModel trips the house fixture (relationships without an owner at
// lines 5 and 9) and the conftest fixtures (no stage, a short name, a low
// cost level at 13:14, a transactional relationship).
const customModel = `name = "Tiny"
[[segments]]
id = "smb"
[[relationships]]
id = "desk"
type = "transactional"
segments = ["smb"]
[[relationships]]
id = "app"
type = "self_service"
segments = ["smb"]
description = "owner: Ana"
cost_level = "low"
[[relationships]]
id = "shop"
type = "self_service"
segments = ["smb"]
`

// TestCustomRuleEveryFormat checks a custom rule's finding, positioned, in
// every output format crlint has.
func TestCustomRuleEveryFormat(t *testing.T) {
	file := writeFile(t, t.TempDir(), "tiny.toml", customModel)
	// What each format must show of the finding at 5:1; a format added later
	// must at least name the code.
	want := map[string][]string{
		"text":    {file + ":5:1: warning: relationship \"desk\" does not name its owner [HOUSE900 relationship-without-owner]", ` 5 | id = "desk"`, `hint: say who owns it`},
		"compact": {file + ":5:1: warning: relationship \"desk\" does not name its owner [HOUSE900 relationship-without-owner]\n"},
		"github":  {"::warning file=" + file + ",line=5,col=1,endLine=5,endColumn=3,title=HOUSE900 relationship-without-owner::relationship \"desk\" does not name its owner\n"},
		"junit":   {`<testcase name="HOUSE900 relationship-without-owner at 5:1"`},
	}
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := run(t, "", "check", "--color", "never", "-f", format, "--no-builtin", "-p", custom+"house", file)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !strings.Contains(out, "HOUSE900") {
				t.Fatalf("no HOUSE900 in %s output:\n%s", format, out)
			}
			for _, w := range want[format] {
				if !strings.Contains(out, w) {
					t.Errorf("%s output lacks %q:\n%s", format, w, out)
				}
			}
			switch format {
			case "json":
				var rep struct {
					Findings []report.Finding `json:"findings"`
				}
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range rep.Findings {
					got = append(got, fmt.Sprintf("%s %s %s %d:%d %s %s", f.Code, f.Rule, f.Severity, f.Line, f.Column, f.Path, f.Hint))
				}
				wantJSON := []string{
					`HOUSE900 relationship-without-owner warning 5:1 relationships[0] say who owns it: description = "owner: ..."`,
					`HOUSE900 relationship-without-owner warning 15:1 relationships[2] say who owns it: description = "owner: ..."`,
				}
				if strings.Join(got, "\n") != strings.Join(wantJSON, "\n") {
					t.Errorf("json findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantJSON, "\n"))
				}
			case "sarif":
				var log struct {
					Runs []struct {
						Tool struct {
							Driver struct {
								Rules []struct {
									ID   string `json:"id"`
									Name string `json:"name"`
								} `json:"rules"`
							} `json:"driver"`
						} `json:"tool"`
						Results []struct {
							RuleID    string `json:"ruleId"`
							Level     string `json:"level"`
							Locations []struct {
								Physical struct {
									Region struct {
										StartLine   int `json:"startLine"`
										StartColumn int `json:"startColumn"`
									} `json:"region"`
								} `json:"physicalLocation"`
							} `json:"locations"`
						} `json:"results"`
					} `json:"runs"`
				}
				if err := json.Unmarshal([]byte(out), &log); err != nil {
					t.Fatal(err)
				}
				run := log.Runs[0]
				described := false
				for _, r := range run.Tool.Driver.Rules {
					described = described || r.ID == "HOUSE900" && r.Name == "relationship-without-owner"
				}
				if !described {
					t.Errorf("sarif rules table does not describe HOUSE900")
				}
				if len(run.Results) != 2 || run.Results[0].RuleID != "HOUSE900" || run.Results[0].Level != "warning" ||
					run.Results[0].Locations[0].Physical.Region.StartLine != 5 || run.Results[0].Locations[0].Physical.Region.StartColumn != 1 {
					t.Errorf("sarif results: %+v", run.Results)
				}
			case "junit":
				if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
					t.Errorf("junit is not XML: %v", err)
				}
			}
		})
	}
}

func TestCustomConftest(t *testing.T) {
	file := writeFile(t, t.TempDir(), "tiny.toml", customModel)
	code, out, stderr := run(t, "", "check", "-f", "compact", "--no-builtin", "-p", custom+"conftest", "-p", custom+"conftest-v0", file)
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d (want 1: deny is an error), stderr %q", code, stderr)
	}
	want := []string{
		// The code a message starts with is shown once, as the code; a
		// conftest rule without one is named once.
		file + `:1:1: error: name "Tiny" is too short [CUSTOM-1 violation_name]`,
		file + `:1:1: error: relationship "desk" is transactional [deny]`,
		file + `:1:1: error: the model has no stage [deny]`,
		file + `:13:14: warning: relationship "app" says cost_level = "low" [warn_cost_level]`,
	}
	for _, w := range want {
		if !strings.Contains(out, w+"\n") {
			t.Errorf("compact output lacks %q:\n%s", w, out)
		}
	}
	if n := strings.Count(out, "\n"); n != len(want) {
		t.Errorf("%d lines, want %d:\n%s", n, len(want), out)
	}

	// A conftest rule is configured and suppressed by its name.
	dir := t.TempDir()
	writeFile(t, dir, ".crlint.toml", "[rules]\ndeny = \"warning\"\nviolation_name = \"off\"\n")
	model := writeFile(t, dir, "tiny.toml", strings.Replace(customModel, `cost_level = "low"`, `cost_level = "low" # crlint:disable warn_cost_level`, 1))
	code, out, stderr = run(t, "", "check", "-f", "compact", "--no-builtin", "-p", custom+"conftest", model)
	if code != 0 || stderr != "" || strings.Contains(out, "CUSTOM-1") || strings.Contains(out, "warn_cost_level") ||
		!strings.Contains(out, ":1:1: warning: the model has no stage [deny]") {
		t.Errorf("conftest rules under [rules] and crlint:disable: exit %d, stderr %q\n%s", code, stderr, out)
	}
}

func TestCustomNoBuiltin(t *testing.T) {
	file := writeFile(t, t.TempDir(), "tiny.toml", customModel)
	_, with, _ := run(t, "", "check", "-f", "compact", "-p", custom+"house", file)
	_, without, _ := run(t, "", "check", "-f", "compact", "--no-builtin", "-p", custom+"house", file)
	builtin := regexp.MustCompile(`\[CR[1-4]\d\d `)
	if !builtin.MatchString(with) || !strings.Contains(with, "[HOUSE900 ") {
		t.Errorf("with built-ins, want CR and HOUSE900 findings:\n%s", with)
	}
	if builtin.MatchString(without) || !strings.Contains(without, "[HOUSE900 ") {
		t.Errorf("--no-builtin, want HOUSE900 findings only:\n%s", without)
	}
	// The loader's checks (CR0xx) are not rules one can leave out.
	code, out, _ := run(t, "name = \n", "check", "-f", "compact", "--no-builtin", "-p", custom+"house", "-")
	if code != 1 || !strings.Contains(out, "[CR001 syntax-error]") {
		t.Errorf("--no-builtin dropped the syntax check: exit %d\n%s", code, out)
	}
}

// TestCustomPolicyErrors runs policies that must not run: each is exit 2,
// nothing on stdout, and on stderr exactly one file:line:col: message line
// per error, as editors and CI annotations read them.
func TestCustomPolicyErrors(t *testing.T) {
	clean := "../../examples/northbank.toml"
	tests := []struct {
		dir   string
		lines []string
	}{
		{"sandbox-http", []string{`leak.rego:4:10: undefined function http.send (crlint's sandbox removes it: it makes HTTP requests`}},
		{"sandbox-dns", []string{`leak.rego:4:11: undefined function net.lookup_ip_addr (crlint's sandbox removes it`}},
		{"sandbox-runtime", []string{`leak.rego:4:32: undefined function opa.runtime (crlint's sandbox removes it: it returns the process environment`}},
		{"sandbox-schema", []string{`leak.rego:4:15: undefined function json.match_schema (crlint's sandbox removes it`}},
		{"broken-parse", []string{`broken.rego:5:1: unexpected } token`}},
		{"broken-compile", []string{`broken.rego:4:2: var unknown_thing is unsafe`, `broken.rego:8:2: var other_unknown is unsafe`}},
		{"collide-builtin", []string{`rule.rego:7:1: rule code CR202 of my-costs is already used by high-touch-without-costs (a built-in rule)`}},
		{"collide-custom", []string{`b.rego:7:1: rule code HOUSE001 of rule-b is already used by rule-a (testdata/custom/collide-custom/a.rego)`}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			code, out, stderr := run(t, "", "check", "-p", custom+tt.dir, clean)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(got) != len(tt.lines) {
				t.Fatalf("stderr has %d lines, want %d:\n%s", len(got), len(tt.lines), stderr)
			}
			for i, w := range tt.lines {
				if !strings.HasPrefix(got[i], custom+tt.dir+"/"+w) {
					t.Errorf("line %q, want %s%s/%s...", got[i], custom, tt.dir, w)
				}
			}
		})
	}
}

// TestCustomTimeLimit proves a slow policy is stopped at --timeout: exit 2
// naming the model, promptly, never a hang.
func TestCustomTimeLimit(t *testing.T) {
	file := writeFile(t, t.TempDir(), "slow.toml", customModel)
	start := time.Now()
	code, _, stderr := run(t, "", "check", "--timeout", "200ms", "-p", custom+"slow", file)
	elapsed := time.Since(start)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "crlint: " + file + ": time limit exceeded: the custom policies (" + custom + "slow) took longer than the "; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", stderr, want)
	}
	// Generous for -race; without the limit the policy runs for minutes.
	if elapsed > 5*time.Second {
		t.Errorf("stopped after %s, want about 200ms", elapsed)
	}
}

func TestCustomRegoTests(t *testing.T) {
	code, out, stderr := run(t, "", "test", custom+"failing-test")
	if code != 1 || stderr != "" {
		t.Errorf("a failing Rego test: exit %d (want 1), stderr %q", code, stderr)
	}
	if want := custom + `failing-test/rule_test.rego:9: FAIL data.crlint.rules.house["always-quiet_test"].test_fail_expects_a_finding`; !strings.Contains(out, want) {
		t.Errorf("failure not named with its location:\n%s", out)
	}
	if strings.Contains(out, "test_pass_quiet") || !strings.HasSuffix(out, "1 passed, 1 failed\n") {
		t.Errorf("without -v, only failures and the count:\n%s", out)
	}

	code, out, _ = run(t, "", "test", "-v", custom+"house")
	if code != 0 || !strings.Contains(out, "PASS data.crlint.rules.house[\"relationship-without-owner_test\"].test_pass_with_owner") ||
		!strings.Contains(out, ".test_fail_without_owner") || !strings.HasSuffix(out, "2 passed, 0 failed\n") {
		t.Errorf("test -v: exit %d\n%s", code, out)
	}

	// The tests run in the sandbox too, and compile errors are positioned.
	code, out, stderr = run(t, "", "test", custom+"sandbox-runtime")
	if code != 2 || out != "" || !strings.HasPrefix(stderr, custom+"sandbox-runtime/leak.rego:4:32: undefined function opa.runtime") {
		t.Errorf("test of a sandboxed policy: exit %d, stdout %q, stderr %q", code, out, stderr)
	}

	code, out, stderr = run(t, "", "test", t.TempDir())
	if code != 2 || !strings.Contains(stderr, "no Rego tests found") {
		t.Errorf("test of a directory without tests: exit %d, %q %q", code, out, stderr)
	}

	code, out, _ = run(t, "", "test")
	if code != 0 || !strings.Contains(out, " passed, 0 failed\n") {
		t.Errorf("built-in Rego tests: exit %d\n%s", code, out)
	}
}

// TestCustomConfigPolicies checks that .crlint.toml's policies, resolved
// against the config's directory, are picked up, and that --policy wins.
func TestCustomConfigPolicies(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(custom + "house/named_owner.rego")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "policies"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "policies/owner.rego", string(src))
	writeFile(t, dir, ".crlint.toml", "policies = [\"policies\"]\n\n[rules]\nHOUSE900 = \"error\"\n")
	model := writeFile(t, dir, "tiny.toml", customModel)

	code, out, stderr := run(t, "", "check", "-f", "compact", model)
	if code != 1 || stderr != "" || !strings.Contains(out, model+`:5:1: error: relationship "desk" does not name its owner [HOUSE900 relationship-without-owner]`) {
		t.Errorf("config policies: exit %d, stderr %q\n%s", code, stderr, out)
	}
	// Its [rules] name HOUSE900, which a run without that policy lacks.
	code, _, stderr = run(t, "", "check", "-f", "compact", "-p", custom+"conftest", model)
	if code != 2 || !strings.Contains(stderr, `[rules]: unknown rule "HOUSE900"`) {
		t.Errorf("[rules] naming a rule --policy left out: exit %d, stderr %q", code, stderr)
	}
	writeFile(t, dir, ".crlint.toml", "policies = [\"policies\"]\n")
	_, out, _ = run(t, "", "check", "-f", "compact", "-p", custom+"conftest", model)
	if strings.Contains(out, "HOUSE900") || !strings.Contains(out, "[deny]") {
		t.Errorf("--policy does not replace the config's policies:\n%s", out)
	}
}

// TestExamplePolicies runs the example custom rules' tests and checks the
// example model with them, as the docs show.
func TestExamplePolicies(t *testing.T) {
	const dir = "../../examples/policies"
	code, out, stderr := run(t, "", "test", dir)
	if code != 0 || stderr != "" || !strings.HasSuffix(out, " passed, 0 failed\n") {
		t.Errorf("crlint test %s: exit %d, %s%s", dir, code, out, stderr)
	}
	const northbank = "../../examples/northbank.toml"
	src, err := os.ReadFile(northbank)
	if err != nil {
		t.Fatal(err)
	}
	// The finding points at the value of the banker's description.
	at := ""
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "description ") && strings.Contains(line, "banker") {
			at = fmt.Sprintf("%d:%d", i+1, strings.Index(line, `"`)+1)
		}
	}
	code, out, _ = run(t, "", "check", "-f", "compact", "-p", dir, northbank)
	want := northbank + ":" + at + `: error: relationship "private-banker" (dedicated_personal_assistance) has no director sign-off [HOUSE001 dedicated-needs-sign-off]` + "\n"
	if code != 1 || out != want {
		t.Errorf("northbank with the example policies: exit %d\n%s\nwant:\n%s", code, out, want)
	}
}

// TestRulesAndExplainWithPolicies: custom rules are listed and explained
// like built-in ones.
func TestRulesAndExplainWithPolicies(t *testing.T) {
	code, out, stderr := run(t, "", "rules", "-p", "../../examples/policies")
	if code != 0 || !strings.Contains(out, "HOUSE001") || !strings.Contains(out, "CR202") {
		t.Fatalf("rules -p: exit %d, stderr %q\n%s", code, stderr, out)
	}
	code, out, _ = run(t, "", "explain", "-p", "../../examples/policies", "dedicated-needs-sign-off")
	if code != 0 || !strings.HasPrefix(out, "# HOUSE001 dedicated-needs-sign-off") {
		t.Fatalf("explain -p: exit %d\n%s", code, out)
	}
}
