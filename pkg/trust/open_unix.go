//go:build unix

package trust

import (
	"os"
	"syscall"
)

// openNoFollow opens a resolved path for reading without following a link
// put there since, and without blocking on a FIFO put there since.
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}
