package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/model"
)

func TestSchemaCommand(t *testing.T) {
	want, err := model.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := run(t, "", "schema")
	if code != ExitOK || errOut != "" {
		t.Fatalf("crlint schema: exit %d, stderr %q", code, errOut)
	}
	if out != string(want) {
		t.Error("crlint schema does not print model.JSONSchema()")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("crlint schema prints invalid JSON: %v", err)
	}
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", doc["$schema"])
	}

	dir := t.TempDir()
	file := writeFile(t, dir, "crlint.schema.json", "stale")
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run(t, "", "schema", "-o", file)
	if code != ExitOK || out != "" || errOut != "" {
		t.Fatalf("crlint schema -o: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("crlint schema -o FILE does not write model.JSONSchema()")
	}
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("crlint schema -o FILE: mode %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("crlint schema -o left %d files in the directory, want 1", len(entries))
	}
}

func TestSchemaCommandErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir", "schema.json")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unwritable output", []string{"schema", "-o", missing}, "write schema"},
		{"an argument", []string{"schema", "model.toml"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, "", tt.args...)
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if !strings.Contains(errOut, tt.stderr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q, want one line containing %q", errOut, tt.stderr)
			}
		})
	}
}

// TestEditorDocsMatchCompact checks the problem-matcher regexp that
// docs/editors.md gives for VS Code (JavaScript syntax, which RE2 shares for
// this pattern) against real compact output, finding by finding, so that a
// change to the compact format cannot leave the editor docs behind.
func TestEditorDocsMatchCompact(t *testing.T) {
	doc, err := os.ReadFile("../../docs/editors.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`"regexp": ("(?:[^"\\]|\\.)*")`).FindSubmatch(doc)
	if m == nil {
		t.Fatal(`docs/editors.md has no "regexp": "..." problem matcher`)
	}
	var pattern string
	if err := json.Unmarshal(m[1], &pattern); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(pattern)

	dir := t.TempDir()
	writeFile(t, dir, "with space.toml", `name = "Tricky"
[[segments]]
id = "smb"
[[relationships]]
id = "desk"
type = "Self-Service"
segments = ["smb", "smb-typo"]
[[get]]
tactic = "Ads:3:4: error: see [CR1 foo]"
`)
	args := []string{"check", "--fail-on", "none", dir, "../../examples"}
	code, compact, stderr := run(t, "", append([]string{"-f", "compact"}, args...)...)
	if code != ExitOK {
		t.Fatalf("check -f compact: exit %d: %s", code, stderr)
	}
	_, js, _ := run(t, "", append([]string{"-f", "json"}, args...)...)
	var report struct {
		Findings []struct {
			Code, Severity, Message, File string
			Line, Column                  int
		}
	}
	if err := json.Unmarshal([]byte(js), &report); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(compact, "\n"), "\n")
	if len(lines) != len(report.Findings) || len(lines) < 5 {
		t.Fatalf("%d compact lines for %d findings", len(lines), len(report.Findings))
	}
	for i, l := range lines {
		f := report.Findings[i]
		want := []string{f.File, strconv.Itoa(f.Line), strconv.Itoa(f.Column), f.Severity, f.Message, f.Code}
		g := re.FindStringSubmatch(l)
		if g == nil {
			t.Errorf("the documented regexp does not match %q", l)
			continue
		}
		if got := g[1:]; strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("the documented regexp reads %q\nas %q\nwant %q", l, got, want)
		}
	}
}
