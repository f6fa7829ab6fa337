package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// modelWithWarnings has warnings (CR201, CR202 for personal assistance) and
// infos, but no error.
const modelWithWarnings = `name = "Config"
[summary]
relationships = "Personal assistance"
[[segments]]
id = "smb"
[[value_propositions]]
id = "vp"
segments = ["smb"]
[[channels]]
id = "phone"
ownership = "owned"
segments = ["smb"]
[[relationships]]
id = "desk"
type = "personal_assistance"
segments = ["smb"]
channels = ["phone"]
value_propositions = ["vp"]
motivations = ["retention"]
[[get]]
tactic = "Ads"
relationships = ["desk"]
[[keep]]
tactic = "Calls"
relationships = ["desk"]
[[grow]]
tactic = "Upsell"
relationships = ["desk"]
`

func TestFailOnEachLevel(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", modelWithWarnings)
	for level, want := range map[string]int{"error": 0, "warning": 1, "info": 1, "none": 0} {
		if code, _, stderr := run(t, "", "check", "--fail-on", level, m); code != want {
			t.Errorf("--fail-on %s: exit %d, want %d (%s)", level, code, want, stderr)
		}
	}
	info := writeFile(t, dir, "info.toml", strings.NewReplacer(
		`"Personal assistance"`, `"Self service"`, `"personal_assistance"`, `"self_service"`,
		"value_propositions = [\"vp\"]\n", "").Replace(modelWithWarnings)) // CR209 (info) alone
	for level, want := range map[string]int{"error": 0, "warning": 0, "info": 1, "none": 0} {
		if code, out, _ := run(t, "", "check", "-f", "compact", "--fail-on", level, info); code != want {
			t.Errorf("info-only model, --fail-on %s: exit %d, want %d\n%s", level, code, want, out)
		}
	}
}

// TestConfigDiscoveryAndPrecedence: the nearest .crlint.toml governs each
// model; flags override it; -c replaces discovery.
func TestConfigDiscoveryAndPrecedence(t *testing.T) {
	root := t.TempDir()
	strict := filepath.Join(root, "strict")
	lax := filepath.Join(root, "lax")
	for _, d := range []string{strict, lax} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, root, ".crlint.toml", "fail_on = \"warning\"\n")
	writeFile(t, lax, ".crlint.toml", "fail_on = \"error\"\n[rules]\nhigh-touch-without-costs = \"off\"\nCR201 = \"error\"\n")
	sm := writeFile(t, strict, "m.toml", modelWithWarnings)
	lm := writeFile(t, lax, "m.toml", modelWithWarnings)

	if code, _, _ := run(t, "", "check", sm); code != 1 {
		t.Errorf("root config fail_on = warning: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "", "check", "--fail-on", "error", sm); code != 0 {
		t.Errorf("--fail-on error overrides the config: exit %d, want 0", code)
	}
	code, out, _ := run(t, "", "check", "-f", "compact", lm)
	if code != 1 || strings.Contains(out, "CR202") || !strings.Contains(out, "error: relationship \"desk\" (personal_assistance) links no key resource") {
		t.Errorf("nearest config: CR202 off, CR201 raised to error; exit %d\n%s", code, out)
	}
	explicit := writeFile(t, root, "ci.toml", "[rules]\nCR201 = \"off\"\nCR202 = \"off\"\n")
	code, out, _ = run(t, "", "check", "-c", explicit, "-f", "compact", "--fail-on", "warning", lm)
	if code != 0 || strings.Contains(out, "CR201") {
		t.Errorf("-c replaces discovery: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "check", "-f", "compact", "--disable", "CR201", lm)
	if strings.Contains(out, "CR201") || code != 0 {
		t.Errorf("--disable wins over the config's severity: exit %d\n%s", code, out)
	}
}

func TestBadConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".crlint.toml", "fail-on = \"warning\"\n")
	m := writeFile(t, dir, "m.toml", modelWithWarnings)
	code, _, stderr := run(t, "", "check", m)
	if code != 2 || !strings.Contains(stderr, `unknown key "fail-on" (did you mean "fail_on"?)`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestDirectoryWalk: models are recognised by content; pyproject.toml,
// hidden directories, .crlint.toml and excluded paths are skipped; a file
// named on the command line is always checked.
func TestDirectoryWalk(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"team", ".git", "drafts"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, root, "pyproject.toml", "[project]\nname = \"tool\"\n[tool.ruff]\nline-length = 100\n")
	writeFile(t, root, ".crlint.toml", "exclude = [\"drafts\"]\n")
	writeFile(t, filepath.Join(root, "team"), "a.toml", modelWithWarnings)
	writeFile(t, filepath.Join(root, ".git"), "b.toml", modelWithWarnings)
	draft := writeFile(t, filepath.Join(root, "drafts"), "c.toml", modelWithWarnings)
	writeFile(t, filepath.Join(root, "team"), "broken.toml", "[[relationships]\nid = \"x\"\n")

	_, out, _ := run(t, "", "check", "-f", "json", root)
	for _, want := range []string{`"files": 2`, "team/a.toml", "team/broken.toml"} {
		if !strings.Contains(out, want) {
			t.Errorf("walk output lacks %q:\n%s", want, out)
		}
	}
	for _, skip := range []string{"pyproject", ".git", "drafts"} {
		if strings.Contains(out, skip) {
			t.Errorf("walk checked %s:\n%s", skip, out)
		}
	}
	if _, out, _ := run(t, "", "check", "-f", "compact", draft); !strings.Contains(out, "c.toml") {
		t.Errorf("a file named on the command line is checked even if excluded:\n%s", out)
	}
	onlyPy := t.TempDir()
	writeFile(t, onlyPy, "pyproject.toml", "[project]\nname = \"tool\"\n")
	if code, _, stderr := run(t, "", "check", onlyPy); code != 2 || !strings.Contains(stderr, "no models found") {
		t.Errorf("a directory of non-models: exit %d, %q", code, stderr)
	}
}

// TestConflictingRuleSettings: naming one rule by code and by name with
// different values is an error, never a coin toss.
func TestConflictingRuleSettings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".crlint.toml", "[rules]\nCR102 = \"info\"\nsegment-without-relationship = \"error\"\n")
	m := writeFile(t, dir, "m.toml", modelWithWarnings)
	code, _, stderr := run(t, "", "check", m)
	if code != 2 || !strings.Contains(stderr, "set the same rule differently") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestOutputNeverOverwritesAModel: -o naming a model being checked is
// refused and the model is untouched.
func TestOutputNeverOverwritesAModel(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", modelWithWarnings)
	code, _, stderr := run(t, "", "check", "-o", m, dir)
	if code != 2 || !strings.Contains(stderr, "never writes to a model file") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(m); string(got) != modelWithWarnings {
		t.Errorf("model changed:\n%s", got)
	}
}

// TestDuplicateArguments: a file named twice is checked once; stdin twice
// is an error.
func TestDuplicateArguments(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", modelWithWarnings)
	_, out, _ := run(t, "", "check", "-f", "json", m, filepath.Join(dir, ".", "m.toml"), dir)
	if !strings.Contains(out, `"files": 1`) {
		t.Errorf("duplicate paths checked more than once:\n%s", out)
	}
	if code, _, stderr := run(t, modelWithWarnings, "check", "-", "-"); code != 2 || !strings.Contains(stderr, "twice") {
		t.Errorf("- twice: exit %d, %q", code, stderr)
	}
}

// TestWalkNeedsTopLevelCanvasKey: a TOML file whose canvas-like keys are
// nested, or inside a string, is not a model; a broken file that looks like
// one is still reported.
func TestWalkNeedsTopLevelCanvasKey(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "server.toml", "[server]\nchannels = 4\nkeep = true\n")
	writeFile(t, dir, "str.toml", "title = \"x\"\ndescription = \"\"\"\n[[segments]]\n\"\"\"\n")
	writeFile(t, dir, "model.toml", modelWithWarnings)
	writeFile(t, dir, "broken.toml", "[[relationships]\n")
	_, out, _ := run(t, "", "check", "-f", "json", dir)
	if !strings.Contains(out, `"files": 2`) || strings.Contains(out, "server.toml") || strings.Contains(out, "str.toml") || !strings.Contains(out, "broken.toml") {
		t.Errorf("walk should check model.toml and broken.toml only:\n%s", out)
	}
}
