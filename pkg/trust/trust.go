// Package trust is crlint's trust boundary for files: everything in the
// repository being checked may come from an untrusted pull request, while
// crlint runs where CI secrets live. A Boundary reads a file only when no
// symbolic link on its way leads outside the repository, only when it is a
// regular file, and never more than a size cap.
package trust

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Boundary is the repository root that symbolic links must stay within.
type Boundary struct {
	root string // absolute, symbolic links resolved
}

// New returns the boundary of the repository holding dir: the nearest
// directory at or above dir that holds .git (the git top level, found
// without running git), else dir itself.
func New(dir string) (*Boundary, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("repository root: %w", err)
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		abs = resolved
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return &Boundary{root: d}, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return &Boundary{root: abs}, nil
		}
		d = parent
	}
}

// FromWorkingDir is New for the working directory.
func FromWorkingDir() (*Boundary, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("repository root: %w", err)
	}
	return New(wd)
}

// Root is the repository root.
func (b *Boundary) Root() string { return b.root }

// Contains reports whether the absolute, resolved path p lies within the
// root.
func (b *Boundary) Contains(p string) bool {
	rel, err := filepath.Rel(b.root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// ErrOutside is a path that a symbolic link leads outside the repository.
var ErrOutside = errors.New("symbolic link leads outside the repository; refused")

// Resolve returns path with every symbolic link on its way resolved. When a
// link was followed and the result lies outside the root, it returns an
// error naming path (never where the link points, nor anything of what it
// points at). A path without links is the caller's to name, inside the
// repository or not; a path outside the repository reached through any
// link (even a system one, such as a /tmp that is a link) is refused.
func (b *Boundary) Resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	resolved, err := filepath.EvalSymlinks(abs)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if resolved != abs && !b.Contains(resolved) {
		return "", fmt.Errorf("%s: %w (%s)", path, ErrOutside, b.root)
	}
	return resolved, nil
}

// ErrNotRegular is a path that is a directory, device, FIFO or socket.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads path, at most maxBytes of it, within the boundary: its
// links must stay within the repository and it must be a regular file
// (a FIFO, device or socket is refused before it is opened: opening a FIFO
// blocks). what names the kind of file in the size error ("a model").
func (b *Boundary) ReadFile(path string, maxBytes int64, what string) ([]byte, error) {
	resolved, err := b.Resolve(path)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(resolved); err != nil {
		return nil, fmt.Errorf("%s: %w", path, PathReason(err))
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	f, err := openNoFollow(resolved)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, PathReason(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, PathReason(err))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	if st.Size() > maxBytes {
		return nil, fmt.Errorf("%s: file is %d bytes, over the %d-byte limit for %s", path, st.Size(), maxBytes, what)
	}
	// Read one byte past the limit in case the file grew since Stat.
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, PathReason(err))
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%s: file is over the %d-byte limit for %s", path, maxBytes, what)
	}
	return data, nil
}

// PathReason returns the reason of a *fs.PathError without its operation
// and path, so a message can name the path once, its own way.
func PathReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
