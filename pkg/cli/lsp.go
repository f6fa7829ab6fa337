package cli

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lsp"
	"github.com/crlint/crlint/pkg/workspace"
)

// newLSPCommand runs the language server on stdin and stdout.
func newLSPCommand() *cobra.Command {
	var opts workspace.Options
	var stdio bool
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (LSP 3.17) on stdin and stdout",
		Long: `Run crlint's language server for editors: findings as you type, hover,
completion, go to definition, find references, rename, document symbols and
code actions (safe fixes, disabling a rule on a line). Each model's
.crlint.toml is found as check finds it, and re-read when it changes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			ws, err := workspace.New(ctx, opts)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			s := lsp.New(lsp.Options{Checker: ws, Delay: lsp.DefaultDelay, Version: crlintVersion()})
			err = s.Serve(ctx, stdStream{cmd.InOrStdin(), cmd.OutOrStdout()})
			if errors.Is(err, lsp.ErrNoShutdown) {
				return &exitError{code: 1, err: err} // the protocol's exit code for it
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Config, "config", "c", "", "use this config file instead of finding .crlint.toml")
	f.StringArrayVarP(&opts.PolicyDirs, "policy", "p", nil, "directory of custom policies (repeatable)")
	f.StringSliceVar(&opts.Disable, "disable", nil, "rules to turn off, by code or name (comma separated, repeatable)")
	f.BoolVar(&stdio, "stdio", true, "talk over stdin and stdout (the only transport; accepted for clients that pass it)")
	return cmd
}

// stdStream joins stdin and stdout into the stream the server talks over.
type stdStream struct {
	io.Reader
	io.Writer
}

// Close leaves stdin and stdout open: the process ends when Serve returns.
func (stdStream) Close() error { return nil }
