// Package cli builds crlint's cobra commands. Every command is constructed
// (no init(), no package state), so tests run the whole CLI in-process.
package cli

import (
	"errors"
	"fmt"
)

// Exit codes of SPEC §4.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitError    = 2 // crlint could not do its job
	// ExitInterrupted is the shell's code for a run stopped by SIGINT.
	ExitInterrupted = 130
)

// ExitError carries an exit code out of a command. A nil Err means the
// command has already said what it had to.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// findingsFailed is returned by check when findings reach --fail-on.
var findingsFailed = &exitError{code: ExitFindings}

// usageError marks a mistake in how crlint was called.
func usageError(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}

// ExitCode maps a command's error to the process exit code.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return ExitError
}

// minPolicyMemory is the least --max-policy-memory (MiB) a policy worker
// can start with: the Go runtime and the compiled lib need about 100 MiB.
const minPolicyMemory = 128

// checkPolicyMemory checks --max-policy-memory.
func checkPolicyMemory(mib int64) error {
	if mib < minPolicyMemory || mib > 1<<30 {
		return usageError("--max-policy-memory must be between %d and %d (MiB), not %d", minPolicyMemory, 1<<30, mib)
	}
	return nil
}
