package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crlint/crlint/pkg/trust"
)

// Limits on what crlint reads from policy directories, which a pull
// request may fill: a real policy is a few kilobytes.
const (
	// MaxPolicyFileBytes is the largest .rego file read.
	MaxPolicyFileBytes = 1 << 20
	// MaxPolicyBytes is the most read from all policy directories together.
	MaxPolicyBytes = 4 << 20
)

// PolicyFile is one .rego file of a policy directory, read but not parsed.
type PolicyFile struct {
	// Name is the file's path as findings and errors name it (the
	// directory as given, joined with the path below it).
	Name string `json:"name"`
	Src  string `json:"src"`
}

// ReadPolicyDirs reads the .rego files below dirs (test files only when
// tests is true) as carefully as models: regular files only, each under
// MaxPolicyFileBytes and all under MaxPolicyBytes, and a symbolic link only
// when it stays within the repository; a FIFO, a device or a link leading
// out is an error naming it. A directory named twice is read once; one
// without policies is an error, unless tests are read (then there are no
// tests to run).
func ReadPolicyDirs(dirs []string, tests bool) ([]PolicyFile, error) {
	b, err := trust.FromWorkingDir()
	if err != nil {
		return nil, err
	}
	var out []PolicyFile
	total := 0
	for i, dir := range dirs {
		if slices.Contains(dirs[:i], dir) {
			continue // -p x -p x: its rules would collide with themselves
		}
		files, err := readPolicyDir(b, dir, tests, &total)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 && !tests {
			return nil, fmt.Errorf("%s: no .rego policies found", dir)
		}
		out = append(out, files...)
	}
	return out, nil
}

// readPolicyDir reads one policy directory, adding what it read to total.
func readPolicyDir(b *trust.Boundary, dir string, tests bool, total *int) ([]PolicyFile, error) {
	resolved, err := b.Resolve(dir)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(resolved)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, trust.PathReason(err))
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	rels, err := regoFiles(os.DirFS(resolved), ".", tests)
	if err != nil {
		return nil, cleanPathError(err)
	}
	out := make([]PolicyFile, 0, len(rels))
	for _, rel := range rels {
		name := filepath.Join(dir, filepath.FromSlash(rel))
		src, err := b.ReadFile(filepath.Join(resolved, filepath.FromSlash(rel)), MaxPolicyFileBytes, "a policy file")
		if err != nil {
			// Name the file as the user knows it, not by its resolved path.
			msg := err.Error()
			if i := strings.Index(msg, ": "); i >= 0 {
				msg = msg[i+2:]
			}
			if errors.Is(err, trust.ErrOutside) {
				msg = trust.ErrOutside.Error() + " (" + b.Root() + ")"
			}
			return nil, fmt.Errorf("%s: %s", name, msg)
		}
		if *total += len(src); *total > MaxPolicyBytes {
			return nil, fmt.Errorf("%s: the policy directories hold over %d bytes of .rego files, the limit", name, MaxPolicyBytes)
		}
		out = append(out, PolicyFile{Name: name, Src: string(src)})
	}
	return out, nil
}
