package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/model"
)

// TestInitStarterChecksClean writes the starter model and checks it
// in-process: not a single finding, at any severity.
func TestInitStarterChecksClean(t *testing.T) {
	file := filepath.Join(t.TempDir(), "starter.toml")
	code, out, stderr := run(t, "", "init", file)
	if code != 0 || stderr != "" || !strings.Contains(out, "wrote "+file) {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("starter written with mode %v, want 0644", st.Mode().Perm())
	}
	code, out, stderr = run(t, "", "check", "--fail-on", "info", "-f", "json", file)
	var rep struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check output is not JSON: %v\n%s", err, out)
	}
	if code != 0 || stderr != "" || len(rep.Findings) != 0 {
		t.Errorf("starter model: exit %d, stderr %q, findings %v", code, stderr, rep.Findings)
	}
}

func TestInitDefaultFileAndNoOverwrite(t *testing.T) {
	t.Chdir(t.TempDir())
	if code, _, stderr := run(t, "", "init"); code != 0 {
		t.Fatalf("init: exit %d, %s", code, stderr)
	}
	want, err := os.ReadFile("model.toml")
	if err != nil {
		t.Fatalf("init wrote no model.toml: %v", err)
	}
	if err := os.WriteFile("model.toml", []byte("name = \"mine\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "", "init")
	if code != 2 || out != "" || !strings.Contains(stderr, "model.toml already exists") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("init over an existing file: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if got, _ := os.ReadFile("model.toml"); string(got) != "name = \"mine\"\n" {
		t.Errorf("init overwrote model.toml")
	}
	code, out, _ = run(t, "", "init", "-")
	if code != 0 || out != string(want) {
		t.Errorf("init - did not print the starter model (exit %d)", code)
	}
}

// TestInitListsEveryEnum proves the starter documents every block and every
// enumerated value of the format, read from pkg/model's schema.
func TestInitListsEveryEnum(t *testing.T) {
	src, err := StarterModel()
	if err != nil {
		t.Fatal(err)
	}
	// The comments as one text: wrapped lists read as one line.
	var comments []string
	for _, line := range strings.Split(src, "\n") {
		if _, c, ok := strings.Cut(line, "#"); ok {
			comments = append(comments, strings.TrimSpace(c))
		}
	}
	text := strings.Join(strings.Fields(strings.Join(comments, " ")), " ")
	check := func(what string, values []string) {
		if len(values) > 0 && !strings.Contains(text, strings.Join(values, " | ")) {
			t.Errorf("%s: the comments do not list %s", what, strings.Join(values, " | "))
		}
	}
	for _, f := range model.TopFields {
		check(f.Name, f.Values)
	}
	for _, b := range model.Blocks {
		if !strings.Contains(src, "\n[["+b.Name+"]]\n") {
			t.Errorf("no [[%s]] item", b.Name)
		}
		if !strings.Contains(text, b.Doc) {
			t.Errorf("the comments do not name the block %q", b.Doc)
		}
		for _, f := range b.Fields {
			check(b.Name+"."+f.Name, f.Values)
		}
	}
	if !strings.Contains(src, "\n[summary]\n") {
		t.Errorf("no [summary]")
	}
}

func TestInitPolicyScaffold(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "policies")
	code, out, stderr := run(t, "", "init", "--policy", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("init --policy: exit %d, %s", code, stderr)
	}
	rule := filepath.Join(dir, "house", "relationship-without-description", "relationship_without_description.rego")
	src, err := os.ReadFile(rule)
	if err != nil {
		t.Fatalf("no rule written (%v):\n%s", err, out)
	}
	for _, want := range []string{"# title: relationship-without-description", "#   code: HOUSE001", `package crlint.rules.house["relationship-without-description"]`} {
		if !strings.Contains(string(src), want) {
			t.Errorf("scaffolded rule lacks %q", want)
		}
	}

	code, out, stderr = run(t, "", "test", "-v", dir)
	if code != 0 || !strings.Contains(out, "2 passed, 0 failed") {
		t.Errorf("crlint test of the scaffold: exit %d\n%s%s", code, out, stderr)
	}

	// The rule runs beside the built-ins; the starter model passes it, a
	// relationship without a description does not.
	model := filepath.Join(t.TempDir(), "model.toml")
	if code, _, stderr := run(t, "", "init", model); code != 0 {
		t.Fatal(stderr)
	}
	if code, out, stderr := run(t, "", "check", "--fail-on", "info", "-p", dir, model); code != 0 {
		t.Errorf("starter with the scaffolded rule: exit %d\n%s%s", code, out, stderr)
	}
	_, out, _ = run(t, findingsModel, "check", "-f", "compact", "-p", dir, "-")
	if !strings.Contains(out, `<stdin>:5:1: warning: relationship "desk" has no description [HOUSE001 relationship-without-description]`) {
		t.Errorf("scaffolded rule did not report:\n%s", out)
	}

	// A second rule takes the next code; the same rule again is refused.
	if code, _, stderr := run(t, "", "init", "--policy", dir, "--rule", "second-rule"); code != 0 {
		t.Fatalf("second scaffold: exit %d, %s", code, stderr)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "house", "second-rule", "second_rule.rego"))
	if !strings.Contains(string(second), "code: HOUSE002") {
		t.Errorf("second rule does not take HOUSE002:\n%s", second)
	}
	if code, _, stderr := run(t, "", "init", "--policy", dir); code != 2 || !strings.Contains(stderr, "already exists") {
		t.Errorf("scaffolding over an existing rule: exit %d, %q", code, stderr)
	}
}

func TestInitUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"init", "--policy", dir, "model.toml"}, "takes no FILE"},
		{[]string{"init", "--rule", "x", filepath.Join(dir, "m.toml")}, "need --policy"},
		{[]string{"init", "--policy", dir, "--rule", "Bad Name"}, "lower case"},
		{[]string{"init", "--policy", dir, "--code", "CR202"}, "built-in rule high-touch-without-costs"},
		{[]string{"init", filepath.Join(writeFile(t, dir, "file", ""), "m.toml")}, "not a directory"},
		{[]string{"init", "a.toml", "b.toml"}, "arg(s)"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.msg) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tt.args, code, stderr, tt.msg)
		}
	}
}
