package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/crlint/crlint/pkg/trust"
)

// atomicWrite writes -o's file, never replacing what it must not:
//
//   - a regular file (or a new one) is written through a temporary file in
//     the same directory, synced and renamed into place with mode 0644, so a
//     reader (a CI step, a browser reloading a canvas) sees the old file or
//     the new one, never a partial one;
//   - a symbolic link is left in place and the file it points to is
//     replaced so, when that file lies within the repository: a committed
//     link report.sarif -> /etc/passwd is refused;
//   - a device, FIFO or socket (/dev/null, /dev/stdout, a named pipe) is
//     written straight through: renaming over it would replace the device
//     node itself;
//   - an existing *.toml file is refused: crlint never writes over a model.
func atomicWrite(file string, write func(io.Writer) error) error {
	b, err := trust.FromWorkingDir()
	if err != nil {
		return err
	}
	// Every link on the way is resolved, the directories' too: a committed
	// reports -> /etc must not put -o reports/x.sarif in /etc.
	var target string
	st, err := os.Lstat(file)
	switch {
	case err == nil:
		if target, err = b.Resolve(file); err != nil {
			return err
		}
		if st, err = os.Stat(target); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	case errors.Is(err, fs.ErrNotExist):
		dir, err := b.Resolve(filepath.Dir(file))
		if err != nil {
			return err
		}
		target, st = filepath.Join(dir, filepath.Base(file)), nil
	default:
		return err
	}
	if st != nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("%s: is a directory", file)
		case !st.Mode().IsRegular():
			return writeThrough(target, write)
		case strings.EqualFold(filepath.Ext(target), ".toml"):
			return fmt.Errorf("%s is an existing TOML file; crlint never writes over a model", file)
		}
	}
	return replaceFile(target, 0o644, write)
}

// atomicWriteMode replaces a regular file the caller has vetted (a model
// that --fix rewrites) as atomicWrite does, giving it the mode perm.
func atomicWriteMode(file string, perm os.FileMode, write func(io.Writer) error) error {
	return replaceFile(file, perm, write)
}

// replaceFile writes file through a temporary file in the same directory,
// synced and renamed into place with mode perm.
func replaceFile(file string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// writeThrough writes to a file that is not regular (a device, a FIFO) as
// it is, without truncating or replacing it.
func writeThrough(file string, write func(io.Writer) error) error {
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
