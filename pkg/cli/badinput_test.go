package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// badInputDeadline bounds every bad-input case. It is far above what any
// case takes; it exists so that a hang fails the test instead of the
// whole test binary.
const badInputDeadline = 20 * time.Second

// badModel has findings of every severity, so each variant below must
// report the same findings at the same positions.
const badModel = "name = \"Bad\"\n" +
	"[summary]\n" +
	"relationships = \"Dedicated personal assistance — für alle\"\n" +
	"[[segments]]\n" +
	"id = \"smb\"\n" +
	"market = \"mass\"\n" +
	"[[relationships]]\n" +
	"id     = \"banker\" # crlint:disable CR999\n" +
	"type   = \"dedicated_personal_assistance\"\n" +
	"segments = [\"smb\", \"nope\"]\n" +
	"[[get]]\n" +
	"tactic = \"Ads\"\n"

// runBounded runs crlint in-process under a context with a deadline and
// fails the test when the deadline passes (the run was interrupted by it)
// or when Main does not return soon after it (something ignored the
// context).
func runBounded(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), badInputDeadline)
	defer cancel()
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	start := time.Now()
	go func() { done <- Main(ctx, args, strings.NewReader(stdin), &out, &errOut) }()
	select {
	case code = <-done:
	case <-time.After(badInputDeadline + 10*time.Second):
		t.Fatalf("crlint %s hung: no exit %s after the deadline", strings.Join(args, " "), 10*time.Second)
	}
	took = time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("crlint %s took over %s (exit %d)", strings.Join(args, " "), badInputDeadline, code)
	}
	return code, out.String(), errOut.String(), took
}

// checkStderr fails on a stack trace, and, for exit 2, on a reason that is
// not one line per problem.
func checkStderr(t *testing.T, code int, stderr string, lines int) {
	t.Helper()
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
		t.Fatalf("stack trace on stderr:\n%s", stderr)
	}
	if code != ExitError {
		return
	}
	got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if stderr == "" || len(got) != lines {
		t.Fatalf("exit 2 wants %d line(s) on stderr, got %q", lines, stderr)
	}
	for _, l := range got {
		if !strings.HasPrefix(l, "crlint: ") {
			t.Errorf("stderr line %q does not start with \"crlint: \"", l)
		}
	}
}

// pngNoise is a PNG header followed by random bytes, NULs included.
func pngNoise() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for range 4096 {
		b = append(b, byte(r.Uint32()))
	}
	return b
}

// manyRelationships is a model of n relationships serving one segment.
func manyRelationships(n int) string {
	var b strings.Builder
	b.WriteString("name = \"Big\"\n[[segments]]\nid = \"s\"\n")
	for i := range n {
		fmt.Fprintf(&b, "[[relationships]]\nid = \"r%d\"\ntype = \"direct\"\nsegments = [\"s\"]\n", i)
	}
	return b.String()
}

// longLineModel has a 2 MB line, an inline relationship with a long
// description, whose reference at the end names nothing, so that a finding
// points at a column two million characters in.
func longLineModel() (src string, col int) {
	head := `relationships = [{ id = "r", type = "direct", description = "` + strings.Repeat("é", 1<<20) + `", segments = [`
	return "name = \"Long\"\n" + head + `"nope"] }]` + "\n[[segments]]\nid = \"smb\"\n", utf8.RuneCountInString(head) + 1
}

// TestBadInput: whatever the input, crlint exits 1 (findings) or 2 (a one
// line reason), in time, without a panic.
func TestBadInput(t *testing.T) {
	good, err := filepath.Abs("../../examples/northbank.toml")
	if err != nil {
		t.Fatal(err)
	}
	longSrc, longCol := longLineModel()
	tests := []struct {
		name string
		// setup writes the input in dir and returns check's arguments.
		setup func(t *testing.T, dir string) []string
		codes []int // acceptable exit codes
		// stdout and stderr must contain these (when not empty).
		stdout, stderr string
		errLines       int // lines on stderr for exit 2; 0 means 1
	}{
		{name: "empty file", setup: file("empty.toml", ""), codes: []int{1}, stdout: "CR004"},
		{name: "comments only", setup: file("c.toml", "# a model to be\n# written later\n"), codes: []int{1}, stdout: "CR004"},
		{name: "UTF-8 BOM", setup: file("bom.toml", "\xef\xbb\xbf"+badModel), codes: []int{1}, stdout: "bom.toml:10:20: error:"},
		{name: "CRLF endings", setup: file("crlf.toml", strings.ReplaceAll(badModel, "\n", "\r\n")), codes: []int{1}, stdout: "crlf.toml:10:20: error:"},
		{name: "tabs", setup: file("tabs.toml", strings.ReplaceAll(badModel, "segments = ", "\tsegments\t=\t")), codes: []int{1}, stdout: "tabs.toml:10:21: error:"},
		{name: "latin-1 bytes", setup: file("latin1.toml", "name = \"Caf\xe9 cr\xe8me\"\n[[segments]]\nid = \"s\"\n"), codes: []int{1}, stdout: "not valid UTF-8"},
		{name: "NUL bytes", setup: file("nul.toml", "name = \"x\"\x00\n[[segments]]\n"), codes: []int{1}, stdout: "NUL"},
		{name: "binary file", setup: file("image.toml", string(pngNoise())), codes: []int{1}, stdout: "CR001"},
		// Nesting past 32 levels is CR001 at the bracket that opens the 33rd,
		// before any recursive parser sees the file (4M levels overflowed
		// the stack).
		{name: "10,000-deep nested arrays", setup: file("deep.toml", "name = \"Deep\"\nsegments = "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n"), codes: []int{1}, stdout: "deep.toml:2:44: error: invalid TOML: nested deeper than 32 levels"},
		{name: "10,000-deep inline tables", setup: file("deept.toml", "name = \"Deep\"\nx = "+strings.Repeat("{a = ", 10000)+"1"+strings.Repeat("}", 10000)+"\n"), codes: []int{1}, stdout: "deept.toml:2:165: error: invalid TOML: nested deeper than 32 levels"},
		{name: "4M-deep arrays among good files", setup: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "a.toml", badModel)
			writeFile(t, dir, "deep.toml", "segments = "+strings.Repeat("[", 4<<20)+"\n")
			return []string{"-f", "compact", dir}
		}, codes: []int{1}, stdout: "deep.toml:1:44: error: invalid TOML: nested deeper than 32 levels"},
		{name: "control character", setup: file("ctl.toml", "name = \"x\"\n\x1b[31m = 1\n"), codes: []int{1}, stdout: "ctl.toml:2:1: error: invalid TOML: control character U+001B is not allowed in TOML"},
		{name: "2 MB line", setup: file("long.toml", longSrc), codes: []int{1}, stdout: fmt.Sprintf("long.toml:2:%d: error:", longCol)},
		// The rules may run out of time (--timeout, 5 s) on a model this
		// size on a slow machine or under -race: then exit 2 says so.
		{name: "60,000 relationships", setup: file("big.toml", manyRelationships(60000)), codes: []int{1, 2}},
		{name: "duplicate tables", setup: file("dup.toml", "name = \"x\"\n[summary]\nrelationships = \"a\"\n[summary]\nrelationships = \"b\"\n"), codes: []int{1}, stdout: "CR001"},
		{name: "duplicate keys with a suppression", setup: file("dupk.toml", "name = \"x\"\nname = \"y\" # crlint:disable CR001\n"), codes: []int{1}, stdout: "CR001"},
		{name: "unreadable file", setup: func(t *testing.T, dir string) []string {
			if os.Geteuid() == 0 {
				t.Skip("root reads a file of mode 000")
			}
			p := filepath.Join(dir, "secret.toml")
			if err := os.WriteFile(p, []byte(badModel), 0o000); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, codes: []int{2}, stderr: "permission denied"},
		{name: "FIFO", setup: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "pipe.toml")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return []string{p}
		}, codes: []int{2}, stderr: "pipe.toml: not a regular file"},
		{name: "FIFO among good files", setup: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "pipe.toml")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return []string{"-f", "compact", p, writeFile(t, dir, "bad.toml", badModel)}
		}, codes: []int{2}, stdout: "bad.toml:10:20:", stderr: "not a regular file"},
		{name: "/dev/zero", setup: device("/dev/zero"), codes: []int{2}, stderr: "/dev/zero: not a regular file"},
		{name: "/dev/urandom", setup: device("/dev/urandom"), codes: []int{2}, stderr: "/dev/urandom: not a regular file"},
		{name: "symlink loop in a walked directory", setup: func(t *testing.T, dir string) []string {
			d := filepath.Join(dir, "models")
			if err := os.MkdirAll(filepath.Join(d, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, d, "bad.toml", badModel)
			for link, target := range map[string]string{"a.toml": "b.toml", "b.toml": "a.toml", "sub/up": "..", "self": "."} {
				if err := os.Symlink(target, filepath.Join(d, link)); err != nil {
					t.Skipf("symlink: %v", err)
				}
			}
			return []string{"-f", "compact", d}
		}, codes: []int{1}, stdout: "bad.toml:10:20:"},
		{name: "path with spaces and non-ASCII letters", setup: func(t *testing.T, dir string) []string {
			d := filepath.Join(dir, "Stratégie 2027", "équipe nord")
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
			return []string{"-f", "compact", writeFile(t, d, "modèle ünïcode ✓.toml", badModel)}
		}, codes: []int{1}, stdout: "équipe nord/modèle ünïcode ✓.toml:10:20: error:"},
		{name: "nonexistent path among good ones", setup: func(t *testing.T, dir string) []string {
			return []string{"-f", "compact", good, filepath.Join(dir, "nope.toml"), writeFile(t, dir, "bad.toml", badModel)}
		}, codes: []int{2}, stdout: "bad.toml:10:20:", stderr: "nope.toml: no such file or directory"},
		{name: "file over --max-file-size", setup: func(t *testing.T, dir string) []string {
			return []string{"--max-file-size", "100", writeFile(t, dir, "big.toml", badModel)}
		}, codes: []int{2}, stderr: "over the 100-byte limit for a model (--max-file-size)"},
		{name: "--max-file-size with a unit", setup: func(t *testing.T, dir string) []string {
			return []string{"-f", "compact", "--max-file-size", "1KiB", writeFile(t, dir, "big.toml", strings.Repeat("# padding\n", 103)+badModel)}
		}, codes: []int{2}, stderr: "over the 1024-byte limit for a model (--max-file-size)"},
		{name: "--max-file-size in MB lets a model through", setup: func(t *testing.T, dir string) []string {
			return []string{"-f", "compact", "--max-file-size", "1MB", writeFile(t, dir, "bad.toml", badModel)}
		}, codes: []int{1}, stdout: "bad.toml:10:20:"},
		{name: "--max-file-size with an unknown unit", setup: func(t *testing.T, dir string) []string {
			return []string{"--max-file-size", "20XB", good}
		}, codes: []int{2}, stderr: "want a positive size in bytes, or with a unit: 8MiB, 512KiB, 20MB"},
		{name: "walked file over --max-file-size among good ones", setup: func(t *testing.T, dir string) []string {
			writeFile(t, dir, "a.toml", "name = \"A\"\n[[segments]]\nid = \"s\"\n")
			writeFile(t, dir, "b.toml", badModel)
			writeFile(t, dir, "c.toml", "name = \"C\"\n[[segments]]\nid = \"s\"\n")
			return []string{"-f", "compact", "--max-file-size", "100", dir}
		}, codes: []int{2}, stdout: "c.toml:", stderr: "b.toml: file is"},
		{name: "stdin over --max-file-size", setup: func(t *testing.T, dir string) []string {
			return []string{"--max-file-size", "10", "-"}
		}, codes: []int{2}, stderr: "stdin is over the 10-byte limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"check", "--color", "never"}, tt.setup(t, t.TempDir())...)
			stdin := ""
			if slices.Contains(args, "-") {
				stdin = badModel
			}
			code, stdout, stderr, took := runBounded(t, stdin, args...)
			t.Logf("exit %d in %s", code, took.Round(time.Millisecond))
			if !slices.Contains(tt.codes, code) {
				t.Fatalf("exit %d, want one of %v\nstderr: %s\nstdout: %.2000s", code, tt.codes, stderr, stdout)
			}
			lines := max(tt.errLines, 1)
			checkStderr(t, code, stderr, lines)
			if code == ExitFindings && stderr != "" {
				t.Errorf("exit 1 with stderr %q", stderr)
			}
			if tt.stdout != "" && !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%.2000s", tt.stdout, stdout)
			}
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q: %q", tt.stderr, stderr)
			}
			if code == ExitError && len(tt.codes) > 1 && !strings.Contains(stderr, "longer than") {
				t.Errorf("exit 2 on a big model must be the time limit, got %q", stderr)
			}
		})
	}
}

// file returns a setup that writes one file and checks it.
func file(name, content string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		return []string{"-f", "compact", writeFile(t, dir, name, content)}
	}
}

// device returns a setup that checks a device file.
func device(path string) func(*testing.T, string) []string {
	return func(t *testing.T, _ string) []string {
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s: %v", path, err)
		}
		return []string{path}
	}
}

// TestLineEndingsKeepPositions: the same model with LF, CRLF, a BOM, both,
// and read from stdin gives byte-identical findings in every format that
// does not quote the source.
func TestLineEndingsKeepPositions(t *testing.T) {
	variants := map[string]string{
		"LF":       badModel,
		"CRLF":     strings.ReplaceAll(badModel, "\n", "\r\n"),
		"BOM":      "\xef\xbb\xbf" + badModel,
		"BOM CRLF": "\xef\xbb\xbf" + strings.ReplaceAll(badModel, "\n", "\r\n"),
	}
	for _, format := range []string{"compact", "json", "sarif", "github"} {
		var want string
		for _, name := range []string{"LF", "CRLF", "BOM", "BOM CRLF"} {
			code, out, stderr, _ := runBounded(t, variants[name], "check", "-f", format, "-", "--stdin-filename", "m.toml")
			if code != ExitFindings || stderr != "" {
				t.Fatalf("%s %s: exit %d, stderr %q", format, name, code, stderr)
			}
			if name == "LF" {
				want = out
				continue
			}
			if out != want {
				t.Errorf("%s with %s differs from LF:\n%s\nwant\n%s", format, name, out, want)
			}
		}
	}
	// Spot-check one position: the dangling reference on line 10.
	_, out, _, _ := runBounded(t, variants["BOM CRLF"], "check", "-f", "compact", "-", "--stdin-filename", "m.toml")
	if !regexp.MustCompile(`(?m)^m\.toml:10:20: error: .*"nope".*\[CR006 `).MatchString(out) {
		t.Errorf("CR006 not at 10:20:\n%s", out)
	}
}
