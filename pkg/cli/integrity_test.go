package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fileState is what a check must leave as it was: content, mode and
// modification time.
type fileState struct {
	data  []byte
	mode  os.FileMode
	mtime time.Time
}

// snapshot records every file under root.
func snapshot(t *testing.T, root string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		var data []byte
		if st.Mode().IsRegular() {
			if data, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		out[p] = fileState{data: data, mode: st.Mode(), mtime: st.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeCorpus writes n generated models into dir, each with findings of
// its own, and returns their paths.
func writeCorpus(t testing.TB, dir string, n int) []string {
	t.Helper()
	paths := make([]string, n)
	for i := range paths {
		sub := filepath.Join(dir, fmt.Sprintf("team%d", i%5))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		paths[i] = filepath.Join(sub, fmt.Sprintf("model-%03d.toml", i))
		if err := os.WriteFile(paths[i], []byte(corpusModel(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

// corpusModel is the i-th model of a corpus: its relationship types,
// references, line endings and errors vary with i, so that models differ
// in their findings and in how long they take.
func corpusModel(i int) string {
	types := []string{"transactional", "self_service", "automated_services", "personal_assistance",
		"dedicated_personal_assistance", "community", "co_creation", "fans", "long_term",
		"switching_costs", "direct", "indirect", "chatbot"}
	markets := []string{"mass", "niche", "segmented", "diversified", "multi_sided"}
	var b strings.Builder
	fmt.Fprintf(&b, "name = \"Model %d\"\nstage = \"mature\"\n", i)
	if i%3 != 0 {
		fmt.Fprintf(&b, "[summary]\nrelationships = \"%s and community\"\n", strings.ReplaceAll(types[i%12], "_", " "))
	}
	for s := range 1 + i%3 {
		fmt.Fprintf(&b, "[[segments]]\nid = \"seg%d\"\nmarket = \"%s\"\nexpects = [\"%s\"]\n", s, markets[(i+s)%5], types[(i+s)%12])
	}
	fmt.Fprintf(&b, "[[key_resources]]\nid = \"people\"\nkind = \"human\"\n[[costs]]\nid = \"pay\"\nkind = \"fixed\"\n")
	for r := range 1 + i%4 {
		fmt.Fprintf(&b, "[[relationships]]\nid = \"rel%d\"\ntype = \"%s\"\nsegments = [\"seg%d\"]\n", r, types[(i*7+r)%13], r%3)
		if (i+r)%2 == 0 {
			b.WriteString("resources = [\"people\"]\ncosts = [\"pay\"]\nmotivations = [\"retention\"]\n")
		}
	}
	for p, phase := range []string{"get", "keep", "grow"} {
		for k := range (i + p) % 3 {
			fmt.Fprintf(&b, "[[%s]]\ntactic = \"Tactic %d of %s\"\nrelationships = [\"rel%d\"]\n", phase, k, phase, k)
		}
	}
	if i%17 == 0 {
		b.WriteString("[[relationships]\n") // a syntax error
	}
	out := b.String()
	if i%4 == 1 {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return out
}

// TestInputsUntouched: checking never writes to a model: every input
// file's bytes, mode and modification time are the same afterwards, in
// every format and with -o.
func TestInputsUntouched(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 20)
	writeFile(t, dir, "bom.toml", "\xef\xbb\xbf"+badModel)
	writeFile(t, dir, "suppressed.toml", "name = \"S\" # crlint:disable-file CR301\n[[segments]]\nid = \"s\" # crlint:disable CR102\n")
	writeFile(t, dir, ".crlint.toml", "[rules]\nCR401 = \"off\"\n")
	// An old modification time shows a rewrite even on a coarse clock.
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	out := t.TempDir()
	for _, format := range []string{"text", "compact", "json", "sarif", "github", "junit"} {
		code, _, stderr, _ := runBounded(t, "", "check", "-f", format, dir)
		if code != ExitFindings {
			t.Fatalf("%s: exit %d (%s)", format, code, stderr)
		}
		if code, _, stderr, _ = runBounded(t, "", "check", "-f", format, "-o", filepath.Join(out, "report."+format), dir); code != ExitFindings {
			t.Fatalf("%s -o: exit %d (%s)", format, code, stderr)
		}
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d files before the checks, %d after", len(before), len(after))
	}
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			t.Errorf("%s: gone", p)
		case !bytes.Equal(a.data, b.data):
			t.Errorf("%s: content changed", p)
		case a.mode != b.mode:
			t.Errorf("%s: mode %v, was %v", p, a.mode, b.mode)
		case !a.mtime.Equal(b.mtime):
			t.Errorf("%s: modified at %v, was %v", p, a.mtime, b.mtime)
		}
	}
}

// TestOutputFile: -o writes the whole report with mode 0644, replaces an
// existing file, and leaves no temporary file behind, also when it fails.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	model := writeFile(t, dir, "m.toml", badModel)
	outDir := t.TempDir()
	report := filepath.Join(outDir, "report.json")
	_, stdout, _, _ := runBounded(t, "", "check", "-f", "json", model)

	// A file already there, with other content and mode, is replaced.
	if err := os.WriteFile(report, []byte("old and longer than nothing"), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		code, out, stderr, _ := runBounded(t, "", "check", "-f", "json", "-o", report, model)
		if code != ExitFindings || out != "" || stderr != "" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
		}
		got, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != stdout {
			t.Errorf("-o file differs from stdout:\n%s\nwant\n%s", got, stdout)
		}
		st, err := os.Stat(report)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o644 {
			t.Errorf("report has mode %v, want 0644", st.Mode().Perm())
		}
		if names := dirNames(t, outDir); !slices.Equal(names, []string{"report.json"}) {
			t.Errorf("output directory holds %v, want only report.json", names)
		}
	}

	// A directory that does not exist: exit 2, one line, nothing written.
	missing := filepath.Join(outDir, "no", "such", "dir", "r.json")
	code, _, stderr, _ := runBounded(t, "", "check", "-f", "json", "-o", missing, model)
	checkStderr(t, code, stderr, 1)
	if code != ExitError {
		t.Errorf("-o into a missing directory: exit %d, want 2", code)
	}
	// -o naming a directory: exit 2 and no temporary file left beside it.
	code, _, stderr, _ = runBounded(t, "", "check", "-f", "json", "-o", outDir, model)
	checkStderr(t, code, stderr, 1)
	if code != ExitError {
		t.Errorf("-o naming a directory: exit %d, want 2", code)
	}
	if names := dirNames(t, outDir); !slices.Equal(names, []string{"report.json"}) {
		t.Errorf("output directory holds %v after failed writes", names)
	}
	if names := dirNames(t, filepath.Dir(outDir)); slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, ".tmp") }) {
		t.Errorf("temporary file left beside the -o directory: %v", names)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

// TestInterrupted: a run whose context is cancelled, before it starts or
// at any moment during it, exits 130 (or finishes normally, when the
// cancellation comes too late to matter) and never leaves a report, whole
// or partial, at the -o path.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 200)
	outDir := t.TempDir()
	report := filepath.Join(outDir, "report.json")
	delays := []time.Duration{-1, 0, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond}
	interrupted := 0
	for _, d := range delays {
		ctx, cancel := context.WithCancel(context.Background())
		if d < 0 {
			cancel()
		} else {
			time.AfterFunc(d, cancel)
		}
		var out, errOut bytes.Buffer
		start := time.Now()
		code := Main(ctx, []string{"check", "-j", "1", "-f", "json", "-o", report, dir}, strings.NewReader(""), &out, &errOut)
		took := time.Since(start)
		cancel()
		_, statErr := os.Stat(report)
		switch code {
		case ExitInterrupted:
			interrupted++
			if statErr == nil {
				t.Errorf("cancelled after %s: exit 130 but a report was written", d)
			}
			if errOut.String() != "crlint: interrupted\n" {
				t.Errorf("cancelled after %s: stderr %q", d, errOut.String())
			}
		case ExitFindings:
			if statErr != nil {
				t.Errorf("cancelled after %s, too late to stop it: exit 1 but no report: %v", d, statErr)
			}
		default:
			t.Errorf("cancelled after %s: exit %d (%s)", d, code, errOut.String())
		}
		if names := dirNames(t, outDir); len(names) > 1 || len(names) == 1 && names[0] != "report.json" {
			t.Errorf("cancelled after %s: output directory holds %v", d, names)
		}
		t.Logf("cancelled after %v: exit %d in %s", d, code, took.Round(time.Millisecond))
		os.Remove(report)
	}
	if interrupted == 0 {
		t.Error("no run was interrupted")
	}
}

// blockingReader is a stdin that never delivers a byte, like a terminal
// nobody types into.
type blockingReader struct{ release chan struct{} }

func (b blockingReader) Read([]byte) (int, error) {
	<-b.release
	return 0, io.EOF
}

// TestInterruptedWhileReadingStdin: `crlint check -` waiting for input
// stops with 130 when interrupted.
func TestInterruptedWhileReadingStdin(t *testing.T) {
	stdin := blockingReader{release: make(chan struct{})}
	defer close(stdin.release)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	done := make(chan int, 1)
	var out, errOut bytes.Buffer
	go func() { done <- Main(ctx, []string{"check", "-"}, stdin, &out, &errOut) }()
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want 130 (stderr %q)", code, errOut.String())
		}
	case <-time.After(badInputDeadline):
		t.Fatal("check - ignored the interrupt while waiting for stdin")
	}
}

// TestAtomicWrite: the file is replaced whole, mode 0644, with no temporary
// file left behind; a missing directory is an error.
func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "canvas.html")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	write := func(data string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, data); return err }
	}
	if err := atomicWrite(path, write("new")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "new" {
		t.Fatalf("read back %q, %v", data, err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the directory, want 1 (a temporary file was left)", len(entries))
	}
	if err := atomicWrite(filepath.Join(dir, "missing", "c.html"), write("x")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}
