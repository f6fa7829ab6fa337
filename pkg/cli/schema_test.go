package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
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
