package cli

import (
	"os"
	"testing"

	"github.com/crlint/crlint/pkg/lint"
)

// TestMain lets the test binary serve as the policy worker: engines with
// custom policies re-execute the running binary with lint.WorkerArg.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == lint.WorkerArg {
		os.Exit(lint.WorkerMain(os.Args[2:], os.Stdin, os.Stdout))
	}
	os.Exit(m.Run())
}
