package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// localHookConfig turns the repository's .pre-commit-hooks.yaml into a
// .pre-commit-config.yaml with a local hook, so that pre-commit runs the
// hook exactly as published (entry flags, types, require_serial) but with
// this test binary as crlint: no network and no build.
func localHookConfig(t *testing.T, crlint string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	hooks := string(src)
	for old, new := range map[string]string{
		"language: golang":    "language: system",
		"entry: crlint check": "entry: " + crlint + " check",
	} {
		if !strings.Contains(hooks, old) {
			t.Fatalf(".pre-commit-hooks.yaml has no %q", old)
		}
		hooks = strings.Replace(hooks, old, new, 1)
	}
	var b strings.Builder
	b.WriteString("repos:\n  - repo: local\n    hooks:\n")
	for _, l := range strings.Split(hooks, "\n") {
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		b.WriteString("      " + l + "\n")
	}
	return b.String()
}

// summaryLine matches the text format's one-line summary.
var summaryLine = regexp.MustCompile(`(?m)^\S.* in \d+ files?\b`)

// TestPreCommitHook installs the hook with Debian's pre-commit in a
// temporary git repository and commits through it: the commit fails on the
// model's error with one summary (require_serial), the draft that exclude
// names and the TOML files that are no models are skipped (--force-exclude),
// and the commit passes once the model is fixed.
func TestPreCommitHook(t *testing.T) {
	preCommit := tool(t, "pre-commit")
	tool(t, "git")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := gitEnv(asCrlint+"=1", "PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "cache"), "NO_COLOR=1", "TERM=dumb")
	write(t, dir, ".pre-commit-config.yaml", localHookConfig(t, self))
	write(t, dir, "strategy/.crlint.toml", "exclude = [\"drafts/**\"]\n")
	write(t, dir, "strategy/northbank.toml", brokenModel)
	write(t, dir, "strategy/ok.toml", cleanModel)
	write(t, dir, "strategy/drafts/x.toml", brokenModel)
	write(t, dir, "strategy/settings.toml", "[server]\nport = 8080\n")
	write(t, dir, "pyproject.toml", "[project]\nname = \"x\"\n")

	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}} {
		if out, code := runIn(t, dir, env, "git", args...); code != 0 {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	if out, code := runIn(t, dir, env, preCommit, "install"); code != 0 {
		t.Fatalf("pre-commit install: exit %d\n%s", code, out)
	}
	out, code := runIn(t, dir, env, "git", "commit", "-q", "-m", "models")
	if code == 0 {
		t.Fatalf("commit with an error passed:\n%s", out)
	}
	t.Logf("hook output:\n%s", out)
	want := `strategy/northbank.toml:7:1: error: relationship "banker" (dedicated_personal_assistance) has no cost entry`
	if !strings.Contains(out, want) {
		t.Errorf("hook output lacks %q:\n%s", want, out)
	}
	for _, skipped := range []string{"drafts/x.toml", "settings.toml", "pyproject.toml", ".crlint.toml"} {
		if strings.Contains(out, skipped) {
			t.Errorf("hook reported %s:\n%s", skipped, out)
		}
	}
	if n := len(summaryLine.FindAllString(out, -1)); n != 1 {
		t.Errorf("%d summary lines, want 1 (require_serial):\n%s", n, out)
	}
	if !strings.Contains(out, "2 files") {
		t.Errorf("want the two models checked (northbank.toml, ok.toml):\n%s", out)
	}

	write(t, dir, "strategy/northbank.toml", cleanModel)
	if out, code := runIn(t, dir, env, "git", "add", "-A"); code != 0 {
		t.Fatal(out)
	}
	if out, code := runIn(t, dir, env, "git", "commit", "-q", "-m", "models"); code != 0 {
		t.Errorf("commit of fixed models: exit %d\n%s", code, out)
	}
}
