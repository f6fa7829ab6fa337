package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/policies"
)

func newTestCommand() *cobra.Command {
	var verbose bool
	var timeout time.Duration
	var maxMemory int64
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego unit tests of the built-in rules, or of policy directories",
		Long: `Without arguments, run the tests of the built-in rules. With directories,
run the *_test.rego files found in them, with the built-in lib available.`,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			if err := checkPolicyMemory(maxMemory); err != nil {
				return err
			}
			var results []lint.TestResult
			var err error
			if len(dirs) == 0 {
				// The built-in rules are trusted: their tests run here.
				var mods []lint.Module
				if mods, err = lint.ParseFS(policies.FS, ".", true); err == nil {
					results, err = lint.RunRegoTests(cmd.Context(), mods, timeout)
				}
			} else {
				// Policy directories may come from a pull request: their
				// tests run in a policy worker, under the time and memory
				// limits of check.
				results, err = lint.RunPolicyTests(cmd.Context(), dirs, timeout, maxMemory<<20)
			}
			if cmd.Context().Err() != nil {
				return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
			}
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			out := cmd.OutOrStdout()
			passed, failed := 0, 0
			for _, r := range results {
				status := "PASS"
				switch {
				case r.Err != nil:
					status = "ERROR"
					failed++
				case r.Skip:
					status = "SKIP"
				case !r.Pass:
					status = "FAIL"
					failed++
				default:
					passed++
				}
				if verbose || status == "FAIL" || status == "ERROR" {
					fmt.Fprintf(out, "%s:%d: %s %s.%s (%s)\n", r.File, r.Line, status, r.Package, r.Name, r.Duration.Round(time.Microsecond))
					if r.Err != nil {
						fmt.Fprintf(out, "    %v\n", r.Err)
					}
				}
			}
			if len(results) == 0 {
				return usageError("no Rego tests found (test rules are named test_* in *_test.rego files)")
			}
			fmt.Fprintf(out, "%d passed, %d failed\n", passed, failed)
			if failed > 0 {
				return findingsFailed
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every test, not only failures")
	cmd.Flags().DurationVar(&timeout, "timeout", 10*time.Second, "time limit for each test")
	cmd.Flags().Int64Var(&maxMemory, "max-policy-memory", lint.DefaultMaxPolicyMemory>>20, "memory limit, in MiB, of the process running the tests of policy directories")
	return cmd
}
