package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/workspace"
)

func newRulesCommand() *cobra.Command {
	var format string
	var policies []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: code, name, default severity, summary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := lint.New(cmd.Context(), lint.Options{PolicyDirs: policies})
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				// Each rule with its default as the table shows it: its
				// severity, or "off" for a rule that runs only when turned on.
				type ruleJSON struct {
					*lint.Rule
					Default string `json:"default"`
				}
				out := make([]ruleJSON, len(e.Rules()))
				for i, r := range e.Rules() {
					out[i] = ruleJSON{r, r.DefaultLabel()}
				}
				return enc.Encode(out)
			case "text":
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "CODE\tNAME\tDEFAULT\tSUMMARY")
				for _, r := range e.Rules() {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Code, r.Name, defaultColumn(r), r.Summary)
				}
				return tw.Flush()
			}
			return usageError("--format: %q is not one of text, json", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json")
	cmd.Flags().StringArrayVarP(&policies, "policy", "p", nil, "also list the custom rules of this directory (repeatable)")
	return cmd
}

// defaultColumn is a rule's default as the rules listing shows it: its
// severity, or "off (warning)" for a rule that runs only when turned on.
func defaultColumn(r *lint.Rule) string {
	if r.DefaultOff {
		return fmt.Sprintf("off (%s)", r.Severity)
	}
	return r.Severity.String()
}

func newExplainCommand() *cobra.Command {
	var policies []string
	var configFile string
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's documentation: why, the guidance it encodes, a bad and a good example",
		Long: `explain shows a rule's documentation. RULE is a code or a name, in any case
(CR202, cr202, high-touch-without-costs). The custom rules of the
.crlint.toml that governs the working directory (or -c FILE, or -p DIR) are
explained too.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := projectEngine(cmd, configFile, policies)
			if err != nil {
				return err
			}
			r, err := e.Find(args[0])
			if err != nil {
				return usageError("%v", err)
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), r.Markdown())
			return err
		},
	}
	cmd.Flags().StringArrayVarP(&policies, "policy", "p", nil, "also look in the custom rules of this directory (repeatable)")
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "use this config file's policies instead of finding .crlint.toml")
	return cmd
}

// projectEngine is the engine check would use for a model in the working
// directory: the built-in rules and the policies of -p, or else of the
// config (-c, or the .crlint.toml found from the working directory).
func projectEngine(cmd *cobra.Command, configFile string, policies []string) (*lint.Engine, error) {
	ws, err := workspace.New(cmd.Context(), workspace.Options{Config: configFile, PolicyDirs: policies})
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	e, err := ws.Engine(cmd.Context(), "model.toml")
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	return e, nil
}

// newDocsCommand writes docs/rules/<name>.md for every rule; `make docs`
// runs it and a test checks the committed pages are up to date.
func newDocsCommand() *cobra.Command {
	return &cobra.Command{
		Use:    "docs DIR",
		Short:  "Write one Markdown page per rule into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := lint.New(cmd.Context(), lint.Options{})
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			for _, r := range e.Rules() {
				p := filepath.Join(args[0], r.Name+".md")
				if err := os.WriteFile(p, []byte(r.Markdown()), 0o644); err != nil {
					return &exitError{code: ExitError, err: err}
				}
			}
			catalog := []byte(lint.CatalogMarkdown(e.Rules()))
			if err := os.WriteFile(filepath.Join(args[0], "README.md"), catalog, 0o644); err != nil {
				return &exitError{code: ExitError, err: err}
			}
			return nil
		},
	}
}

// newGenerateCommand writes the generated metadata table of the built-in
// rules (pkg/lint/builtin_table.go) and, when a second file is named, the
// rules compiled at build time (pkg/lint/builtin_precompiled.go); `make
// generate` runs it through go generate.
func newGenerateCommand() *cobra.Command {
	return &cobra.Command{
		Use:    "generate TABLE [PRECOMPILED]",
		Short:  "Write the built-in rules' metadata table and compiled form as Go source",
		Hidden: true,
		Args:   cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			gens := []func() ([]byte, error){lint.GenerateTable, lint.GeneratePrecompiled}
			for i, file := range args {
				src, err := gens[i]()
				if err == nil {
					err = atomicWrite(file, func(w io.Writer) error { _, err := w.Write(src); return err })
				}
				if err != nil {
					return &exitError{code: ExitError, err: err}
				}
			}
			return nil
		},
	}
}
