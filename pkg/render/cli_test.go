package render_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/cli"
)

// The render command, end to end through the CLI (pkg/cli has no test of
// its own for it).

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRenderCommandWritesFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ file, prefix string }{
		{"canvas.html", "<!DOCTYPE html>"},
		{"canvas.HTM", "<!DOCTYPE html>"},
		{"canvas.svg", "<svg "},
	} {
		out := filepath.Join(dir, tc.file)
		code, stdout, stderr := runCLI(t, "", "render", "testdata/findings.toml", "-o", out)
		if code != 0 || stdout != "" || stderr != "" {
			t.Fatalf("render -o %s: exit %d, stdout %q, stderr %q", tc.file, code, stdout, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(tc.prefix)) {
			t.Errorf("%s starts %q, want %q", tc.file, data[:min(len(data), 20)], tc.prefix)
		}
		if !bytes.Contains(data, []byte("CR006")) {
			t.Errorf("%s does not show the model's findings", tc.file)
		}
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", tc.file, st.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only the three canvases (a temporary file was left behind?)", names)
	}
}

func TestRenderCommandStdout(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "render", "../../examples/northbank.toml", "-o", "-", "--format", "svg")
	if code != 0 || !strings.HasPrefix(stdout, "<svg ") || stderr != "" {
		t.Fatalf("exit %d, stdout %.40q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", "render", "../../examples/northbank.toml")
	if code != 0 || !strings.HasPrefix(stdout, "<!DOCTYPE html>") {
		t.Fatalf("default output: exit %d, stdout %.40q", code, stdout)
	}
	src, err := os.ReadFile("../../examples/northbank.toml")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI(t, string(src), "render", "-", "--stdin-filename", "bank.toml", "--no-findings")
	if code != 0 || !strings.Contains(stdout, "bank.toml") || !strings.Contains(stdout, "Northbank Private") {
		t.Fatalf("stdin: exit %d, stdout %.60q", code, stdout)
	}
}

func TestRenderCommandNoFindings(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "render", "testdata/findings.toml", "--no-findings")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(stdout, "CR006") || strings.Contains(stdout, "errors") {
		t.Error("--no-findings output shows findings")
	}
}

func TestRenderCommandSyntaxError(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "broken.toml")
	if err := os.WriteFile(model, []byte("name = \"x\"\n[[relationships]\nid = \"r\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "canvas.html")
	if err := os.WriteFile(out, []byte("previous canvas"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", "render", model, "-o", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	want := regexp.MustCompile(`^` + regexp.QuoteMeta(model) + `:2:\d+: error: .+ \[CR001 syntax-error\]\n$`)
	if !want.MatchString(stderr) {
		t.Errorf("stderr %q, want one compact CR001 line", stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "previous canvas" {
		t.Errorf("the output file was touched: %q", data)
	}
	// The same without findings: a clean picture of a broken file is still
	// no picture.
	code, stdout, stderr = runCLI(t, "", "render", model, "--no-findings")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "[CR001 syntax-error]") {
		t.Errorf("--no-findings: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestRenderCommandUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"render", "testdata/findings.toml", "-o", filepath.Join(dir, "canvas.png")}, "cannot tell the format"},
		{[]string{"render", "testdata/findings.toml", "-o", filepath.Join(dir, "canvas.svg"), "--format", "html"}, "--format is html"},
		{[]string{"render", "testdata/findings.toml", "--format", "pdf"}, "unknown format"},
		{[]string{"render", filepath.Join(dir, "missing.toml")}, "no such file"},
		{[]string{"render", "testdata/findings.toml", "-o", filepath.Join(dir, "no", "such", "dir", "c.html")}, "no such file"},
		{[]string{"render"}, "arg(s)"},
	} {
		code, stdout, stderr := runCLI(t, "", tc.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tc.msg) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %.40q, stderr %q; want exit 2 and one line containing %q", tc.args[1:], code, stdout, stderr, tc.msg)
		}
	}
}

// TestRenderCommandFollowsConfig checks that the canvas shows what check
// reports: the governing .crlint.toml's [rules], --disable and the model's
// crlint:disable comments all apply.
func TestRenderCommandFollowsConfig(t *testing.T) {
	src, err := os.ReadFile("testdata/findings.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	model := filepath.Join(dir, "model.toml")
	// Suppress CR102 on the line it points at (segment "corporate", line 25).
	lines := strings.Split(string(src), "\n")
	if !strings.HasPrefix(lines[24], "id     = \"corporate\"") {
		t.Fatalf("fixture moved: line 25 is %q", lines[24])
	}
	lines[24] += " # crlint:disable CR102 sold through a partner"
	if err := os.WriteFile(model, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".crlint.toml"), []byte("[rules]\nCR006 = \"off\"\nCR403 = \"info\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", "render", model, "--disable", "CR301")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, gone := range []string{"CR006", "CR102", "CR301"} {
		if strings.Contains(stdout, gone) {
			t.Errorf("the canvas shows %s, which config, --disable or a suppression turned off", gone)
		}
	}
	if !strings.Contains(stdout, `<li class="note sev-info"><span class="dot sev-info"></span><span class="ln" title="line 9, column 17">L9</span> <span class="code" title="summary-names-unused-type">CR403</span>`) {
		t.Error("CR403 is not shown at the severity the config gives it")
	}
	if !strings.Contains(stdout, "CR003") {
		t.Error("findings the config leaves on are missing")
	}
}
