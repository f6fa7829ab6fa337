package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/crlint/crlint/pkg/trust"
)

// DefaultMaxBytes is the largest file crlint reads as a model; a business
// model of a thousand items is well under 1 MiB.
const DefaultMaxBytes = 8 << 20

// Source is one model to check: a file on disk, or stdin read ahead of time.
type Source struct {
	// Name is what findings call the file.
	Name string
	// Path is where to read it; "" when Data is set.
	Path string
	// Data holds stdin's bytes.
	Data []byte
	// Root is the directory argument a walked file was found under; "" for
	// a file named on the command line. A walked file is checked only if
	// its content looks like a model (see LooksLikeModel).
	Root string
	// Settings turn rules off or change severities for this model.
	Settings *Settings
	// Engine checks this model (Run).
	Engine *Engine
	// Trust is the repository boundary its symbolic links must stay within
	// (nil: the repository of the working directory).
	Trust *trust.Boundary
}

// Read returns the source's bytes within the trust boundary: a symbolic
// link that leads outside the repository, anything but a regular file, and
// a file larger than maxBytes are refused.
func (s Source) Read(maxBytes int64) ([]byte, error) {
	if s.Path == "" {
		return s.Data, nil
	}
	b := s.Trust
	if b == nil {
		var err error
		if b, err = trust.FromWorkingDir(); err != nil {
			return nil, err
		}
	}
	return b.ReadFile(s.Path, maxBytes, "a model (--max-file-size)")
}

// canvasKey finds a line that may define a canvas block: a key, table or
// array of tables named after one. It is a sieve, not a parser: it may
// match a key of a nested table or a line inside a string, which a walked
// file that parses is then checked for properly (Document.HasCanvasKey);
// for a file that does not parse it is all there is, so that a broken
// model is still reported.
var canvasKey = regexp.MustCompile(`(?m)^[ \t]*(?:\[\[?[ \t]*)?(?:segments|relationships|value_propositions|channels|key_resources|key_activities|key_partners|revenue_streams|costs|get|keep|grow|competitors)[ \t]*(?:\]\]?|=|\.)`)

// LooksLikeModel reports whether a line of src may define a canvas block.
func LooksLikeModel(src []byte) bool {
	return canvasKey.Match(src)
}

// Discover expands paths into sources. A file named on the command line is
// always checked; a directory is walked for *.toml files, skipping hidden
// directories and .crlint.toml, and the workers that read them check only
// those that look like models. Paths that cannot be read are returned as
// errors while the rest are still checked.
func Discover(paths []string) ([]Source, []error) {
	var out []Source
	var errs []error
	b, err := trust.FromWorkingDir()
	if err != nil {
		return nil, []error{err}
	}
	for _, p := range paths {
		resolved, err := b.Resolve(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		st, err := os.Stat(resolved)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, trust.PathReason(err)))
			continue
		}
		if !st.IsDir() {
			out = append(out, Source{Name: p, Path: p, Trust: b})
			continue
		}
		found, walkErrs := walk(p, b)
		errs = append(errs, walkErrs...)
		if len(found) == 0 && len(walkErrs) == 0 {
			errs = append(errs, NoModels(p))
		}
		out = append(out, found...)
	}
	return out, errs
}

// NoModels is the error for a directory argument under which no model was
// found.
func NoModels(dir string) error {
	return fmt.Errorf("%s: no models found (a model is a *.toml file with canvas keys such as [[relationships]])", dir)
}

// walk lists the *.toml files below root. A directory that cannot be read
// is an error, but the walk goes on with the rest. The walk follows no
// symbolic link; a *.toml link that leads outside the repository is an
// error, so that a committed link to a secret is seen, not silently passed.
func walk(root string, b *trust.Boundary) ([]Source, []error) {
	var out []Source
	var errs []error
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			errs = append(errs, cleanPathError(err))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".toml") || name == ".crlint.toml" {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			out = append(out, Source{Name: p, Path: p, Root: root, Trust: b})
		case d.Type()&fs.ModeSymlink != 0:
			if _, err := b.Resolve(p); err != nil && errors.Is(err, trust.ErrOutside) {
				errs = append(errs, err)
			}
		}
		return nil
	})
	if err != nil {
		errs = append(errs, cleanPathError(err))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, errs
}

// cleanPathError drops Go's operation prefix ("stat nope: ...") so the
// one-line message reads "nope: no such file or directory".
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}
