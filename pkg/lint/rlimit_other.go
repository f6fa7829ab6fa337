//go:build !linux

package lint

import "os/exec"

// limitMemory does nothing where RLIMIT_DATA does not bound the heap; the
// parent's time limit still kills a runaway worker.
func limitMemory(int64) error { return nil }

// isolateProcess leaves the worker's attributes alone.
func isolateProcess(*exec.Cmd) {}
