package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
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
}

// Read returns the source's bytes, refusing anything that is not a regular
// file or larger than maxBytes.
func (s Source) Read(maxBytes int64) ([]byte, error) {
	if s.Path == "" {
		return s.Data, nil
	}
	// Refuse a non-regular file before opening it: opening a FIFO blocks
	// until a writer comes, in a system call no signal interrupts, so
	// `crlint check some.fifo` hung for good. The check after Open stays,
	// for a path that changes in between.
	if st, err := os.Stat(s.Path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", s.Path)
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", s.Path)
	}
	if st.Size() > maxBytes {
		return nil, fmt.Errorf("%s: file is %d bytes, over the %d-byte limit for a model", s.Path, st.Size(), maxBytes)
	}
	// Read one byte past the limit in case the file grew since Stat.
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("%s: file is over the %d-byte limit for a model", s.Path, maxBytes)
	}
	return data, nil
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
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, cleanPathError(err))
			continue
		}
		if !st.IsDir() {
			out = append(out, Source{Name: p, Path: p})
			continue
		}
		found, walkErrs := walk(p)
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
// is an error, but the walk goes on with the rest.
func walk(root string) ([]Source, []error) {
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
		if d.Type().IsRegular() && strings.HasSuffix(name, ".toml") && name != ".crlint.toml" {
			out = append(out, Source{Name: p, Path: p, Root: root})
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
