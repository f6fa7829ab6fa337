package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
)

// checkOptions are check's flags.
type checkOptions struct {
	format        string
	failOn        string
	color         string
	quiet         bool
	jobs          int
	stdinFilename string
	disable       []string
	output        string
	maxBytes      int64
}

func newCheckCommand() *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Lint models; a directory is walked for *.toml models, - reads stdin",
		Example: `  crlint check model.toml
  crlint check strategy/ --format json
  cat model.toml | crlint check - --stdin-filename model.toml --format compact`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 on findings at or above: error, warning, info, none")
	f.StringVar(&o.color, "color", "auto", "colour the text format: auto, always, never (NO_COLOR is honoured)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing when there are no findings")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "models checked at once (0: one per CPU)")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name findings use for a model read from stdin")
	f.StringSliceVar(&o.disable, "disable", nil, "rules to turn off, by code or name (comma separated, repeatable)")
	f.StringVarP(&o.output, "output", "o", "", "write the report to FILE instead of stdout")
	f.Int64Var(&o.maxBytes, "max-file-size", lint.DefaultMaxBytes, "largest file, in bytes, read as a model")
	return cmd
}

// failThreshold parses --fail-on; "none" never fails.
func failThreshold(s string) (report.Severity, error) {
	if s == "none" {
		return report.Error + 1, nil
	}
	sev, err := report.ParseSeverity(s)
	if err != nil {
		return 0, usageError("--fail-on: %q is not one of error, warning, info, none", s)
	}
	return sev, nil
}

func runCheck(cmd *cobra.Command, o *checkOptions, args []string) error {
	ctx := cmd.Context()
	threshold, err := failThreshold(o.failOn)
	if err != nil {
		return err
	}
	if _, err := report.New(o.format, io.Discard, report.Options{}); err != nil {
		return usageError("--format: %v", err)
	}
	if o.jobs < 0 {
		return usageError("--jobs must be 0 or more, not %d", o.jobs)
	}
	out := cmd.OutOrStdout()
	colorOn, err := useColor(o.color, out, o.output)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"."}
	}

	sources, errs, err := collectSources(cmd.InOrStdin(), args, o)
	if err != nil {
		return err
	}
	engine, err := lint.New(ctx, lint.Options{})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	disabled := map[string]bool{}
	for _, d := range o.disable {
		r := engine.Lookup(strings.TrimSpace(d))
		if r == nil {
			return usageError("--disable: unknown rule %q", d)
		}
		disabled[r.Code] = true
	}

	results := engine.CheckAll(ctx, sources, o.jobs, o.maxBytes)
	var findings []report.Finding
	checked := 0
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, r.Err)
			continue
		}
		checked++
		for _, f := range r.Findings {
			if !disabled[f.Code] {
				findings = append(findings, f)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return &exitError{code: 130, err: fmt.Errorf("interrupted")}
	}
	report.Sort(findings)

	if err := writeReport(cmd, o, colorOn, report.Run{Files: checked}, findings); err != nil {
		return err
	}
	for _, e := range errs {
		fmt.Fprintf(cmd.ErrOrStderr(), "crlint: %s\n", oneLine(e.Error()))
	}
	if len(errs) > 0 {
		return &exitError{code: ExitError}
	}
	for _, f := range findings {
		if f.Severity >= threshold {
			return findingsFailed
		}
	}
	return nil
}

// collectSources turns the arguments into sources; "-" reads stdin once.
func collectSources(stdin io.Reader, args []string, o *checkOptions) ([]lint.Source, []error, error) {
	var paths []string
	var sources []lint.Source
	for _, a := range args {
		if a != "-" {
			paths = append(paths, a)
			continue
		}
		data, err := io.ReadAll(io.LimitReader(stdin, o.maxBytes+1))
		if err != nil {
			return nil, nil, usageError("read stdin: %v", err)
		}
		if int64(len(data)) > o.maxBytes {
			return nil, nil, usageError("stdin is over the %d-byte limit for a model", o.maxBytes)
		}
		name := o.stdinFilename
		if name == "" {
			name = "<stdin>"
		}
		sources = append(sources, lint.Source{Name: name, Data: data})
	}
	found, errs := lint.Discover(paths, o.maxBytes)
	return append(sources, found...), errs, nil
}

func writeReport(cmd *cobra.Command, o *checkOptions, colorOn bool, run report.Run, findings []report.Finding) error {
	w := cmd.OutOrStdout()
	var file *os.File
	if o.output != "" {
		var err error
		file, err = os.OpenFile(o.output, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			return &exitError{code: ExitError, err: err}
		}
		w = file
	}
	rep, err := report.New(o.format, w, report.Options{Color: colorOn, Quiet: o.quiet})
	if err != nil {
		return usageError("--format: %v", err)
	}
	err = rep.Report(cmd.Context(), run, findings)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write report: %w", err)}
	}
	return nil
}

// useColor decides whether the text format is coloured: never when NO_COLOR
// is set or output is not a terminal, unless --color=always.
func useColor(mode string, out io.Writer, output string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
	default:
		return false, usageError("--color: %q is not one of auto, always, never", mode)
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok || output != "" {
		return false, nil
	}
	f, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), nil
}
