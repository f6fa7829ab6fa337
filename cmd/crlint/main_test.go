package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// asCrlint makes the test binary run as crlint itself, so the end-to-end
// tests can hand it to pre-commit without building crlint again.
const asCrlint = "CRLINT_TEST_AS_CRLINT"

func TestMain(m *testing.M) {
	if os.Getenv(asCrlint) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// repoRoot is the checkout this test runs in.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// tool finds a program the test needs. In CI (CI or CRLINT_CI set; .ci/run
// installs the tools) a missing one fails the test; elsewhere it skips.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("CRLINT_CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs it (apt-get install %s)", name, name)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, name)
	}
	return p
}

// gitEnv is an environment in which git works alike on every machine.
func gitEnv(extra ...string) []string {
	return append(append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"), extra...)
}

// runIn runs a command in dir and returns its combined output and exit code.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		code = ee.ExitCode()
	}
	return string(out), code
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// brokenModel has one error (CR202) and otherwise only findings below it.
const brokenModel = `name = "Broken"
[summary]
relationships = "Dedicated personal assistance"
[[segments]]
id = "hnwi"
[[relationships]]
id = "banker"
type = "dedicated_personal_assistance"
segments = ["hnwi"]
motivations = ["retention"]
resources = ["bankers"]
[[key_resources]]
id = "bankers"
kind = "human"
[[get]]
tactic = "Referrals"
relationships = ["banker"]
[[keep]]
tactic = "Reviews"
relationships = ["banker"]
[[grow]]
tactic = "Estate planning"
relationships = ["banker"]
`

// cleanModel is brokenModel with its cost entry.
var cleanModel = strings.Replace(brokenModel, `resources = ["bankers"]`, `resources = ["bankers"]
costs = ["salaries"]
[[costs]]
id = "salaries"`, 1)

func TestModelsOfTheseTests(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "broken.toml", brokenModel)
	write(t, dir, "clean.toml", cleanModel)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), asCrlint+"=1")
	out, code := runIn(t, dir, env, self, "check", "-f", "compact", "--fail-on", "warning", "broken.toml", "clean.toml")
	want := "broken.toml:7:1: error: relationship \"banker\" (dedicated_personal_assistance) has no cost entry [CR202 high-touch-without-costs]\n"
	if code != 1 || !strings.Contains(out, want) || strings.Contains(out, "clean.toml") || strings.Count(out, ": error: ")+strings.Count(out, ": warning: ") != 1 {
		t.Errorf("exit %d:\n%s\nwant only\n%s", code, out, want)
	}
}
