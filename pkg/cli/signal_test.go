package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// buildCrlint builds cmd/crlint into a temporary directory, for the tests
// that need a real process to signal.
func buildCrlint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "crlint")
	start := time.Now()
	if out, err := exec.Command(goTool, "build", "-o", bin, "../../cmd/crlint").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built crlint in %s", time.Since(start).Round(time.Millisecond))
	return bin
}

// waitExit waits for cmd to end, at most limit, and returns its exit code.
func waitExit(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("crlint did not exit within %s of the signal", limit)
	}
	return -1
}

// TestSignal: a real crlint process checking a big corpus into -o exits
// 130 promptly on SIGINT or SIGTERM and leaves no report, whole, partial
// or temporary; waiting on a stdin that never ends, it exits 130 too.
func TestSignal(t *testing.T) {
	bin := buildCrlint(t)
	dir := t.TempDir()
	writeCorpus(t, dir, 4000)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			outDir := t.TempDir()
			report := filepath.Join(outDir, "report.json")
			cmd := exec.Command(bin, "check", "-j", "1", "-f", "json", "-o", report, dir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Let it load the rules and start checking: 4,000 models with
			// -j 1 take seconds, so the signal comes in the middle.
			time.Sleep(700 * time.Millisecond)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatalf("signal: %v (crlint ended before it)", err)
			}
			code := waitExit(t, cmd, badInputDeadline)
			t.Logf("exit %d, %s after the signal", code, time.Since(sent).Round(time.Millisecond))
			if code != ExitInterrupted {
				t.Fatalf("exit %d, want 130", code)
			}
			if names := dirNames(t, outDir); len(names) != 0 {
				t.Errorf("interrupted run left %v in the output directory", names)
			}
		})
	}
	t.Run("waiting on stdin", func(t *testing.T) {
		cmd := exec.Command(bin, "check", "-")
		w, err := cmd.StdinPipe() // kept open: stdin never ends
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		if code := waitExit(t, cmd, badInputDeadline); code != ExitInterrupted {
			t.Fatalf("exit %d, want 130", code)
		}
	})
}
