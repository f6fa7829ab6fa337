package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
)

// NewRootCommand builds the crlint command tree writing to stdout and stderr.
func NewRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "crlint",
		Short: "Lint the Customer Relationships of a Business Model Canvas written in TOML",
		Long: `crlint checks a Business Model Canvas written in TOML against the published
guidance on Customer Relationships: the 12 relationship types, Steve Blank's
Get/Keep/Grow phases, and how relationships connect to segments, resources,
activities, partners, channels, revenue and costs.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	// crlint --version prints what crlint version prints.
	root.Version = crlintVersion()
	root.SetVersionTemplate(versionText())
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError("%v", err)
	})
	root.AddCommand(
		newCheckCommand(),
		newRulesCommand(),
		newExplainCommand(),
		newTestCommand(),
		newInitCommand(),
		newVersionCommand(),
		newDocsCommand(),
		newGenerateCommand(),
		newRenderCommand(),
		newSchemaCommand(),
		newLSPCommand(),
	)
	return root
}

// Main runs crlint with args and returns the process exit code. Errors are
// printed as one line on stderr, never as a stack trace; a policy that does
// not compile is printed as one file:line:col: message line per error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := NewRootCommand(stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	err := root.ExecuteContext(ctx)
	if err != nil {
		var e *exitError
		var pe *lint.PolicyError
		switch {
		case errors.As(err, &pe):
			// A policy that does not compile: one file:line:col: message
			// line per error, unprefixed, as editors and CI annotations read.
			for _, l := range pe.Lines {
				fmt.Fprintln(stderr, report.Escape(l))
			}
		case !errors.As(err, &e) && isCobraUsage(err):
			// "unknown command" carries cobra's suggestion on lines of its
			// own ("Did you mean this?\n\tcheck"); keep it there.
			first, rest, _ := strings.Cut(err.Error(), "\n")
			fmt.Fprintf(stderr, "crlint: %s\n", strings.TrimSpace(first))
			if rest = strings.Trim(rest, "\n"); rest != "" {
				fmt.Fprintln(stderr, rest)
			}
		case !errors.As(err, &e) || e.err != nil:
			fmt.Fprintf(stderr, "crlint: %s\n", oneLine(err.Error()))
		}
		if !errors.As(err, &e) && isCobraUsage(err) {
			return ExitError
		}
	}
	return ExitCode(err)
}

// isCobraUsage recognises cobra's own errors (unknown command, wrong number
// of arguments), which it returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.Contains(msg, "arg(s)") || strings.HasPrefix(msg, "unknown flag")
}

// oneLine puts an error on one line, escaping what a hostile file name or
// file could smuggle in (report.Escape).
func oneLine(s string) string {
	return report.Escape(strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " "))
}
