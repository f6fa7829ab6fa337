package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixModel has comments, odd spacing, single quotes, a multi-line array and
// a header to respell; tpye's value is checked (and fixed) only once the
// key is respelt, in the second round.
const fixModel = `# Canvas under review.  Keep   this   spacing.
name   =    "Fixable"        # a name
stage  =  'Mature'           # canonical is mature

[sumary]   # the canvas line
relationships = "Self-service"

[[segments]]
id     = "smb"               # small business
market = "Niche"

[[segments]]
id = "enterprise"

[[relationships]]
id       = "desk"
tpye     = "Self-Service"   # typo of type, then of its value
segments = [ "smb" ,  "enterprize" ,   # second is a typo
             "smb" ]
motivations = ["retention", "retension"]

[[keep]]
tactic = "Calls"
relationships = [ 'desk' ]
`

// fixedModel is fixModel with only the fixed spans changed.
const fixedModel = `# Canvas under review.  Keep   this   spacing.
name   =    "Fixable"        # a name
stage  =  'mature'           # canonical is mature

[summary]   # the canvas line
relationships = "Self-service"

[[segments]]
id     = "smb"               # small business
market = "niche"

[[segments]]
id = "enterprise"

[[relationships]]
id       = "desk"
type     = "self_service"   # typo of type, then of its value
segments = [ "smb" ,  "enterprise" ,   # second is a typo
             "smb" ]
motivations = ["retention", "retention"]

[[keep]]
tactic = "Calls"
relationships = [ 'desk' ]
`

func TestFixWritesOnlyFixedSpans(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "model.toml", fixModel)
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "", "check", "--color", "never", p)
	if code != 1 || !strings.HasSuffix(out, "\n6 fixable with --fix.\n") {
		t.Fatalf("before fixing: exit %d, stderr %q, output ends %q", code, stderr, out[max(0, len(out)-200):])
	}
	code, out, stderr = run(t, "", "check", "--fix", "--color", "never", p)
	if stderr != "" {
		t.Fatalf("--fix: stderr %q", stderr)
	}
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != fixedModel {
		t.Errorf("--fix wrote:\n%s\nwant:\n%s", got, fixedModel)
	}
	if strings.Contains(out, "fixable") || strings.Contains(out, "CR002") || strings.Contains(out, "CR006") {
		t.Errorf("--fix reports findings it fixed:\n%s", out)
	}
	// The findings left decide the exit code: the CR301 errors fail.
	if code != 1 || !strings.HasSuffix(out, "\nFound 2 problems (2 errors) in 1 file.\nFixed 7 problems.\n") {
		t.Errorf("--fix: exit %d, want 1 for the 2 findings left (CR301 for get and grow):\n%s", code, out)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("--fix changed the mode to %v", st.Mode().Perm())
	}
	// A second run changes nothing.
	run(t, "", "check", "--fix", p)
	if again, _ := os.ReadFile(p); string(again) != fixedModel {
		t.Errorf("a second --fix changed the file:\n%s", again)
	}
	if code, out, _ := run(t, "", "check", "--diff", p); code != 0 || out != "" {
		t.Errorf("--diff of a fixed model: exit %d, output %q", code, out)
	}
}

func TestDiffAppliesWithPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Fatal("patch is not installed: the --diff test needs it")
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "model.toml", fixModel)
	t.Chdir(dir)
	code, diff, stderr := run(t, "", "check", "--diff", "model.toml")
	if code != 1 || stderr != "" {
		t.Fatalf("--diff: exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(p); string(got) != fixModel {
		t.Fatal("--diff changed the model")
	}
	if !strings.HasPrefix(diff, "--- a/model.toml\n+++ b/model.toml\n@@ -1,") {
		t.Errorf("diff header:\n%s", diff)
	}
	// Every removed and added line is one the fix changes.
	var minus, plus []string
	for _, l := range strings.Split(diff, "\n") {
		switch {
		case strings.HasPrefix(l, "---"), strings.HasPrefix(l, "+++"):
		case strings.HasPrefix(l, "-"):
			minus = append(minus, l[1:])
		case strings.HasPrefix(l, "+"):
			plus = append(plus, l[1:])
		}
	}
	wantMinus := []string{"stage  =  'Mature'           # canonical is mature", "[sumary]   # the canvas line", `market = "Niche"`,
		`tpye     = "Self-Service"   # typo of type, then of its value`, `segments = [ "smb" ,  "enterprize" ,   # second is a typo`,
		`motivations = ["retention", "retension"]`}
	if strings.Join(minus, "\n") != strings.Join(wantMinus, "\n") || len(plus) != len(minus) {
		t.Errorf("diff removes %q and adds %q", minus, plus)
	}
	cmd := exec.Command(patch, "-p1", "--batch")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\n%s", err, out, diff)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "model.toml")); string(got) != fixedModel {
		t.Errorf("patched model:\n%s\nwant:\n%s", got, fixedModel)
	}
}

func TestFixFlagErrors(t *testing.T) {
	if code, _, stderr := run(t, "name = \"x\"\n", "check", "--fix", "-"); code != 2 || !strings.Contains(stderr, "--fix cannot write back to stdin") {
		t.Errorf("--fix on stdin: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "", "check", "--fix", "--diff", "../../examples/northbank.toml"); code != 2 || !strings.Contains(stderr, "exclude each other") {
		t.Errorf("--fix --diff: exit %d, %q", code, stderr)
	}
}
