package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Rough edges a new user met (issue 14, item 10), one test each.

func TestRootVersionFlag(t *testing.T) {
	code, out, stderr := run(t, "", "--version")
	_, want, _ := run(t, "", "version")
	if code != 0 || stderr != "" || out != want || !strings.HasPrefix(out, "crlint ") {
		t.Errorf("--version: exit %d, %q, want %q", code, out, want)
	}
}

func TestUnknownCommandSuggestionOnItsOwnLine(t *testing.T) {
	code, _, stderr := run(t, "", "chek")
	want := "crlint: unknown command \"chek\" for \"crlint\"\nDid you mean this?\n\tcheck\n"
	if code != 2 || stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
	}
}

func TestExplainFindsRules(t *testing.T) {
	_, want, _ := run(t, "", "explain", "CR202")
	for _, arg := range []string{"cr202", "High-Touch-Without-Costs"} {
		code, out, stderr := run(t, "", "explain", arg)
		if code != 0 || out != want || stderr != "" {
			t.Errorf("explain %s: exit %d, stderr %q", arg, code, stderr)
		}
	}
	for arg, want := range map[string]string{
		"high-touch-without-cost": `crlint: unknown rule "high-touch-without-cost" (did you mean "high-touch-without-costs"?) (see crlint rules)` + "\n",
		"CR2O2":                   `crlint: unknown rule "CR2O2" (did you mean "CR202"?) (see crlint rules)` + "\n",
	} {
		if code, _, stderr := run(t, "", "explain", arg); code != 2 || stderr != want {
			t.Errorf("explain %s: exit %d, stderr %q, want %q", arg, code, stderr, want)
		}
	}
}

// TestExplainSeesConfigPolicies: explain finds a custom rule that the
// .crlint.toml of the working directory brings, as check would.
func TestExplainSeesConfigPolicies(t *testing.T) {
	src, err := os.ReadFile(custom + "house/named_owner.rego")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	mkdirs(t, "policies", "team")
	writeFile(t, ".", "policies/owner.rego", string(src))
	writeFile(t, ".", ".crlint.toml", "policies = [\"policies\"]\n")
	for _, dir := range []string{".", "team"} {
		t.Chdir(dir)
		code, out, stderr := run(t, "", "explain", "house900")
		if code != 0 || !strings.HasPrefix(out, "# HOUSE900 relationship-without-owner\n") {
			t.Errorf("explain in %s: exit %d, stderr %q\n%s", dir, code, stderr, out)
		}
	}
}

func TestConfigSuggestions(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", findingsModel)
	for cfg, want := range map[string]string{
		"fail_on = \"warn\"\n":       `fail_on = "warn" is not one of error, warning, info, none (did you mean "warning"?)`,
		"[rules]\nCR2O9 = \"off\"\n": `[rules]: unknown rule "CR2O9" (did you mean "CR209"?)`,
	} {
		writeFile(t, dir, ".crlint.toml", cfg)
		code, _, stderr := run(t, "", "check", m)
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", cfg, code, stderr, want)
		}
	}
}

// TestPolicyErrorColumn: a Rego syntax error at the end of a file is
// positioned at column 1, not 0.
func TestPolicyErrorColumn(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.rego", "package main\n\ndeny contains msg if {\n  msg := 1 +\n")
	code, _, stderr := run(t, "", "check", "-p", dir, "../../examples/northbank.toml")
	want := filepath.Join(dir, "bad.rego") + ":5:1: unexpected eof token\n"
	if code != 2 || stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
	}
}

func TestEmptyPhasesInPhaseOrder(t *testing.T) {
	_, out, _ := run(t, "name = \"x\"\n", "check", "-f", "compact", "--select", "CR301", "-")
	want := "<stdin>:1:1: error: the get phase has no tactic: the model does not say how customers are acquired [CR301 empty-phase]\n" +
		"<stdin>:1:1: error: the keep phase has no tactic: the model does not say how customers are retained [CR301 empty-phase]\n" +
		"<stdin>:1:1: error: the grow phase has no tactic: the model does not say how customers are grown [CR301 empty-phase]\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestInitCreatesFoldersAndSchemaLine(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, stderr := run(t, "", "init", "sub/dir/m.toml")
	if code != 0 || stderr != "" || out != "wrote sub/dir/m.toml; check it with: crlint check sub/dir/m.toml\n" {
		t.Fatalf("exit %d, %q, %q", code, out, stderr)
	}
	src, err := os.ReadFile("sub/dir/m.toml")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(src), "\n")
	if first != "#:schema https://raw.githubusercontent.com/crlint/crlint/main/examples/crlint.schema.json" {
		t.Errorf("first line %q", first)
	}
	if code, out, _ := run(t, "", "check", "-f", "compact", "sub/dir/m.toml"); code != 0 || out != "" {
		t.Errorf("the starter does not pass check: exit %d\n%s", code, out)
	}
}
