package cli

import (
	"os"
	"testing"

	"github.com/crlint/crlint/pkg/lint"
)

// TestMain lets the test binary serve as the policy worker: engines with
// custom policies re-execute the running binary with lint.WorkerArg.
func TestMain(m *testing.M) {
	lint.ServeIfWorker()
	os.Exit(m.Run())
}
