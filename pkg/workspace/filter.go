package workspace

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
)

// Shard is one of Count stable shares of the models: CI's job matrix runs
// one share per job, and every model is checked by exactly one of them.
type Shard struct {
	Index, Count int // 1 ≤ Index ≤ Count; Count 0 means no sharding
}

// ParseShard reads "I/N".
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 1 || index > count {
		return Shard{}, fmt.Errorf("%q is not I/N with 1 ≤ I ≤ N (e.g. 2/4)", s)
	}
	return Shard{Index: index, Count: count}, nil
}

// holds reports whether a model belongs to the shard. The share is a hash
// of the model's path relative to the working directory, with forward
// slashes, so every job of a matrix agrees whatever its machine. SHA-256
// rather than FNV: FNV's low bits depend only on the low bits of each
// byte, so "a.toml" and "e.toml" would always share a shard.
func (sh Shard) holds(name string) bool {
	if sh.Count <= 1 {
		return true
	}
	sum := sha256.Sum256([]byte(relSlash(name)))
	return binary.BigEndian.Uint64(sum[:8])%uint64(sh.Count) == uint64(sh.Index-1)
}

// relSlash is name relative to the working directory when it lies below
// it, with forward slashes.
func relSlash(name string) string {
	if filepath.IsAbs(name) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
				name = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(name))
}

// changes are the files that differ from a git revision.
type changes struct {
	files      map[string]bool // absolute, symlinks resolved
	configDirs []string        // directories whose .crlint.toml changed
}

// changedSince asks git which files differ from rev: committed since, staged
// or not, and untracked files git does not ignore (a new model is a
// change). Git's paths are relative to the top of the work tree.
func changedSince(ctx context.Context, rev string) (*changes, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("--changed-since: git is not installed or not on PATH")
	}
	top, err := gitOutput(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: not in a git work tree: %w", err)
	}
	root := strings.TrimSpace(top)
	commit, err := gitOutput(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %q is not a commit git knows (fetch it, e.g. git fetch --depth=1 origin main)", rev)
	}
	// The commit's hash, never the text given, goes on: a REV such as
	// --output=x must not become an option of git diff.
	diff, err := gitOutput(ctx, "diff", "--name-only", "--no-renames", "-z", strings.TrimSpace(commit), "--")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	untracked, err := gitOutput(ctx, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	c := &changes{files: map[string]bool{}}
	for _, f := range strings.Split(diff+untracked, "\x00") {
		if f == "" {
			continue
		}
		abs := filepath.Join(root, filepath.FromSlash(f))
		c.files[abs] = true
		if filepath.Base(abs) == config.FileName {
			c.configDirs = append(c.configDirs, filepath.Dir(abs))
		}
	}
	return c, nil
}

// gitOutput runs git in the working directory and returns its stdout; an
// error carries git's first line of complaint.
func gitOutput(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			return "", fmt.Errorf("git %s: %w", args[0], err)
		}
		return "", errors.New(msg)
	}
	return stdout.String(), nil
}

// holds reports whether a source changed: its file did, or a .crlint.toml
// above it. A model from stdin is always checked.
func (c *changes) holds(s lint.Source) bool {
	if s.Path == "" {
		return true
	}
	abs, err := filepath.Abs(s.Path)
	if err != nil {
		return true
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if c.files[abs] {
		return true
	}
	for _, d := range c.configDirs {
		if rel, err := filepath.Rel(d, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return true
		}
	}
	return false
}
