package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run executes crlint in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const findingsModel = `name = "Findings"
[[segments]]
id = "smb"
[[relationships]]
id = "desk"
type = "personal_assistance"
segments = ["smb"]
costs = []
[[get]]
tactic = "Ads"
[[keep]]
tactic = "Calls"
[[grow]]
tactic = "Upsell"
`

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := "../../examples/northbank.toml"
	warn := writeFile(t, dir, "warn.toml", findingsModel) // CR201 and CR202 as warnings
	broken := writeFile(t, dir, "broken.toml", "name = \n")
	tests := []struct {
		name     string
		args     []string
		code     int
		stderrRe string
	}{
		{"clean model", []string{"check", clean}, 0, ""},
		{"warnings under the default fail-on", []string{"check", warn}, 0, ""},
		{"warnings with fail-on warning", []string{"check", "--fail-on", "warning", warn}, 1, ""},
		{"fail-on none", []string{"check", "--fail-on", "none", broken}, 0, ""},
		{"syntax error is a finding", []string{"check", broken}, 1, ""},
		{"missing path", []string{"check", filepath.Join(dir, "nope.toml")}, 2, "nope.toml: no such file or directory"},
		{"missing path among good ones", []string{"check", clean, filepath.Join(dir, "nope.toml")}, 2, "nope.toml"},
		{"directory with no models", []string{"check", t.TempDir()}, 2, "no models found"},
		{"unknown flag", []string{"check", "--bogus", clean}, 2, "unknown flag: --bogus"},
		{"unknown format", []string{"check", "-f", "xml", clean}, 2, `unknown format "xml"`},
		{"bad fail-on", []string{"check", "--fail-on", "loud", clean}, 2, "--fail-on"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown rule to disable", []string{"check", "--disable", "CR999", clean}, 2, "unknown rule"},
		{"explain unknown rule", []string{"explain", "CR999"}, 2, "unknown rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if tt.stderrRe == "" && stderr != "" {
				t.Errorf("unexpected stderr %q", stderr)
			}
			if tt.stderrRe != "" {
				if !strings.Contains(stderr, tt.stderrRe) {
					t.Errorf("stderr %q does not contain %q", stderr, tt.stderrRe)
				}
				if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
					t.Errorf("stderr has %d lines, want one: %q", n+1, stderr)
				}
				if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
					t.Errorf("stack trace on stderr: %q", stderr)
				}
			}
		})
	}
}

func TestStdin(t *testing.T) {
	code, out, _ := run(t, findingsModel, "check", "-", "--stdin-filename", "team/model.toml", "-f", "compact", "--fail-on", "warning")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "\nteam/model.toml:5:1: warning: ") {
		t.Errorf("stdin findings not named by --stdin-filename:\n%s", out)
	}
}

func TestDisable(t *testing.T) {
	_, out, _ := run(t, findingsModel, "check", "-", "-f", "compact")
	if !strings.Contains(out, "[CR201 ") || !strings.Contains(out, "[CR202 ") {
		t.Fatalf("model lacks the findings the test disables:\n%s", out)
	}
	_, out, _ = run(t, findingsModel, "check", "-", "-f", "compact", "--disable", "high-touch-without-costs,CR201")
	if strings.Contains(out, "[CR201 ") || strings.Contains(out, "[CR202 ") {
		t.Errorf("disabled rules still reported:\n%s", out)
	}
}

// TestGolden compares each format's output for the example with findings
// against testdata/golden.<format>; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, format := range []string{"text", "compact", "json", "sarif", "github", "junit", "codeclimate"} {
		t.Run(format, func(t *testing.T) {
			_, out, stderr := run(t, "", "check", "--color", "never", "-f", format, "testdata/golden.toml")
			if stderr != "" {
				t.Fatalf("stderr: %s", stderr)
			}
			// SARIF names the working directory as %SRCROOT%.
			if wd, err := os.Getwd(); err == nil {
				out = strings.ReplaceAll(out, "file://"+filepath.ToSlash(wd)+"/", "file:///WORKDIR/")
			}
			golden := filepath.Join("testdata", "golden."+format)
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, out)
			}
		})
	}
}

func TestColor(t *testing.T) {
	_, out, _ := run(t, findingsModel, "check", "-", "--color", "always")
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("--color always wrote no colour")
	}
	_, out, _ = run(t, findingsModel, "check", "-")
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour written to a non-terminal")
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != 0 || !strings.Contains(out, "crlint ") || !strings.Contains(out, "opa v") && !strings.Contains(out, "opa 1") || !strings.Contains(out, "go1.") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}
