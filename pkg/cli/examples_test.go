package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamples lints every bundled example and compares its complete
// finding list, as compact output, with examples/<name>.golden, which every
// example must have (northbank.golden, the SPEC's model, is empty); run
// with -update to rewrite the golden files. The goldens hold the output of
// `crlint check --fail-on none -f compact examples/<name>.toml` run from the
// repository root, so the test runs from there too.
func TestExamples(t *testing.T) {
	t.Chdir("../..")
	models, err := filepath.Glob("examples/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, model := range models {
		golden := strings.TrimSuffix(model, ".toml") + ".golden"
		if _, err := os.Stat(golden); err != nil && !*update {
			t.Errorf("%s has no golden file %s (run with -update after reviewing its findings)", model, golden)
			continue
		}
		found++
		t.Run(filepath.Base(model), func(t *testing.T) {
			code, out, stderr := run(t, "", "check", "-f", "compact", "--fail-on", "none", model)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
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
				t.Errorf("output differs from %s (rerun with -update after reviewing it):\ngot:\n%swant:\n%s", golden, out, want)
			}
		})
	}
	if found == 0 {
		t.Fatal("no examples/*.golden found")
	}
}

// TestNorthbankClean checks that the specification's own model has no
// finding at all, not even an info.
func TestNorthbankClean(t *testing.T) {
	code, out, stderr := run(t, "", "check", "-f", "compact", "--fail-on", "info", "../../examples/northbank.toml")
	if code != 0 || out != "" || stderr != "" {
		t.Errorf("exit %d, want 0 and no output; stdout:\n%s\nstderr: %s", code, out, stderr)
	}
}
