//go:build linux

package lint

import (
	"os/exec"
	"syscall"
)

// limitMemory caps the worker's data segment, which on Linux (4.7 and
// later) counts every private writable mapping, the Go heap included: an
// allocation past it fails and the worker dies with "out of memory". The
// address-space limit (RLIMIT_AS) cannot be used: the Go runtime reserves
// far more address space than it uses.
func limitMemory(bytes int64) error {
	lim := uint64(bytes)
	return syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: lim, Max: lim})
}

// isolateProcess puts the worker in a process group of its own (a Ctrl-C
// at the terminal is the parent's to handle) and has the kernel kill it if
// the parent dies.
func isolateProcess(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
