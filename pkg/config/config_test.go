package config

import (
	"os"
	"path/filepath"
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
		{"[rules]\nCR101 = 1\n", `.crlint.toml`},
	}
	for _, tt := range tests {
		p := write(t, filepath.Join(dir, FileName), tt.src)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) = %v, want an error containing %q", tt.src, err, tt.want)
		}
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
	c, err := Load(write(t, filepath.Join(root, FileName), "exclude = [\"drafts\", \"*.wip.toml\", \"archive/2024/*.toml\"]\n"))
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
	} {
		if got := c.Excluded(filepath.Join(root, file)); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", file, got, want)
		}
	}
}
