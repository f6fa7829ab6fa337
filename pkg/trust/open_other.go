//go:build !unix

package trust

import "os"

// openNoFollow opens a resolved path for reading.
func openNoFollow(path string) (*os.File, error) { return os.Open(path) }
