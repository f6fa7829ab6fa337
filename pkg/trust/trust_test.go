package trust

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBoundary: the root is the directory holding .git; a path reached
// through a link is refused when it leads outside, by name, without its
// target; a path without links is the caller's; only regular files within
// the size cap are read.
func TestBoundary(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	sub := filepath.Join(repo, "a", "b")
	for _, d := range []string{filepath.Join(repo, ".git"), sub, filepath.Join(base, "repo2")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(repo, "in.toml"), "inside")
	write(filepath.Join(base, "repo2", "out.toml"), "secret")
	link := func(target, name string) string {
		p := filepath.Join(repo, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	b, err := New(sub)
	if err != nil || b.Root() != repo {
		t.Fatalf("New(%s) = %v, %v; want root %s", sub, b, err, repo)
	}
	if b.Contains(filepath.Join(base, "repo2", "out.toml")) || !b.Contains(filepath.Join(repo, "x")) || !b.Contains(repo) {
		t.Error("Contains confuses repo with repo2, or leaves out the root")
	}
	out := link(filepath.Join(base, "repo2", "out.toml"), "out.toml")
	if _, err := b.ReadFile(out, 100, "a model"); !errors.Is(err, ErrOutside) || strings.Contains(err.Error(), "repo2") {
		t.Errorf("a link out: %v", err)
	}
	in := link("in.toml", "alias.toml")
	if src, err := b.ReadFile(in, 100, "a model"); err != nil || string(src) != "inside" {
		t.Errorf("a link within: %q, %v", src, err)
	}
	if src, err := b.ReadFile(filepath.Join(base, "repo2", "out.toml"), 100, "a model"); err != nil || string(src) != "secret" {
		t.Errorf("a path without links, named by the caller: %q, %v", src, err)
	}
	if _, err := b.ReadFile(filepath.Join(repo, "in.toml"), 3, "a model"); err == nil || !strings.Contains(err.Error(), "over the 3-byte limit for a model") {
		t.Errorf("size cap: %v", err)
	}
	fifo := filepath.Join(repo, "p.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ReadFile(link("p.toml", "plink.toml"), 100, "a model"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a link to a FIFO: %v", err)
	}
	if _, err := b.ReadFile(link("/dev/null", "null.toml"), 100, "a model"); !errors.Is(err, ErrOutside) {
		t.Errorf("a link to a device outside: %v", err)
	}
}
