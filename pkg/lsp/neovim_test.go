package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeovim drives `crlint lsp` with a real client: headless Neovim (0.7,
// as Debian ships it, or later) opens a model, receives diagnostics, runs
// hover, definition, references, a code action and rename, and edits the
// buffer without saving (testdata/neovim.lua). CI installs Neovim and sets
// CRLINT_CI, so there the test cannot skip.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CRLINT_CI") != "" {
			t.Fatal("nvim is not installed, and CRLINT_CI is set")
		}
		t.Skip("nvim is not installed (apt-get install neovim)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "crlint")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/crlint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	model := filepath.Join(dir, "shop.toml")
	if err := os.WriteFile(model, []byte(readTestdata(t, "shop.toml")), 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "neovim.lua"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CRLINT="+bin, "MODEL="+model, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "ok") {
		t.Fatalf("neovim: %v\n%s", err, out)
	}
}
