package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/pkg/workspace"
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
	config        string
	policies      []string
	noBuiltin     bool
	timeout       time.Duration
	cpuProfile    string
	memProfile    string
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
			stop, err := startProfiles(o.cpuProfile, o.memProfile)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			defer stop()
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
	f.StringVarP(&o.config, "config", "c", "", "use this config file instead of finding .crlint.toml")
	f.StringArrayVarP(&o.policies, "policy", "p", nil, "directory of custom policies (repeatable)")
	f.BoolVar(&o.noBuiltin, "no-builtin", false, "run custom policies only")
	f.DurationVar(&o.timeout, "timeout", lint.DefaultTimeout, "time limit for the rules on one model")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) to FILE")
	f.StringVar(&o.memProfile, "memprofile", "", "write a heap profile (pprof) to FILE at exit")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	return cmd
}

func runCheck(cmd *cobra.Command, o *checkOptions, args []string) error {
	ctx := cmd.Context()
	if _, err := report.New(o.format, io.Discard, report.Options{}); err != nil {
		return usageError("--format: %v", err)
	}
	colorOn, err := useColor(o.color, cmd.OutOrStdout(), o.output)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	opts := workspace.Options{
		Config: o.config, PolicyDirs: o.policies, NoBuiltin: o.noBuiltin, Disable: o.disable,
		Timeout: o.timeout, MaxBytes: o.maxBytes, Jobs: o.jobs,
	}
	if cmd.Flags().Changed("fail-on") {
		opts.FailOn = o.failOn
	}
	ws, err := workspace.New(ctx, opts)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	// stdin is read so that an interrupt stops a read that waits (stdin.go).
	stdin, err := readStdin(contextReader{ctx, cmd.InOrStdin()}, args, o)
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
		}
		return err
	}
	batch, err := ws.Collect(ctx, withoutStdin(args), stdin...)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if err := refuseModelOutput(o.output, batch.Paths()); err != nil {
		return err
	}
	var outcome *workspace.Outcome
	ropts := report.Options{Color: colorOn, Quiet: o.quiet, Rules: ws.Rules(), Version: crlintVersion()}
	err = writeReport(o.output, cmd.OutOrStdout(), func(w io.Writer) error {
		rep, err := report.New(o.format, w, ropts)
		if err != nil {
			return err
		}
		outcome, err = checkAndReport(ctx, batch, rep)
		return err
	})
	if ctx.Err() != nil {
		return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
	}
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write report: %w", err)}
	}
	for _, e := range outcome.Errs {
		fmt.Fprintf(cmd.ErrOrStderr(), "crlint: %s\n", oneLine(e.Error()))
	}
	switch {
	case len(outcome.Errs) > 0:
		return &exitError{code: ExitError}
	case outcome.Failed:
		return findingsFailed
	}
	return nil
}

// refuseModelOutput stops -o from overwriting a model being checked:
// crlint never writes to a model file.
func refuseModelOutput(output string, paths []string) error {
	if output == "" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil // a new file cannot be a model being checked
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && os.SameFile(st, out) {
			return usageError("--output %s is a model being checked; crlint never writes to a model file", output)
		}
	}
	return nil
}

// readStdin reads the model of a "-" argument, once.
func readStdin(stdin io.Reader, args []string, o *checkOptions) ([]lint.Source, error) {
	var sources []lint.Source
	for _, a := range args {
		if a != "-" {
			continue
		}
		if len(sources) > 0 {
			return nil, usageError("- (stdin) is given twice")
		}
		data, err := io.ReadAll(io.LimitReader(stdin, o.maxBytes+1))
		if err != nil {
			return nil, usageError("read stdin: %v", err)
		}
		if int64(len(data)) > o.maxBytes {
			return nil, usageError("stdin is over the %d-byte limit for a model", o.maxBytes)
		}
		name := o.stdinFilename
		if name == "" {
			name = "<stdin>"
		}
		sources = append(sources, lint.Source{Name: name, Data: data})
	}
	return sources, nil
}

// withoutStdin returns the path arguments.
func withoutStdin(args []string) []string {
	var paths []string
	for _, a := range args {
		if a != "-" {
			paths = append(paths, a)
		}
	}
	return paths
}

// checkAndReport checks the models and reports them. A line format
// (text, compact, github) writes each file's findings as soon as that file
// and those before it are done, so memory stays flat however many models
// there are; a document format (json, sarif, junit) gets them all at the end.
func checkAndReport(ctx context.Context, batch *workspace.Batch, rep report.Reporter) (*workspace.Outcome, error) {
	streamer, streaming := rep.(report.Streamer)
	var summary report.Summary
	var kept []report.Finding
	outcome, err := batch.Run(ctx, func(r *workspace.Result) error {
		summary.Add(r.Findings)
		if streaming {
			return streamer.WriteFindings(r.Findings)
		}
		kept = append(kept, r.Findings...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	run := report.Run{Files: len(outcome.Checked), FileNames: outcome.Checked}
	if streaming {
		return outcome, streamer.Finish(run, summary)
	}
	return outcome, rep.Report(ctx, run, kept)
}

// writeReport runs write on stdout, or on --output written atomically: a
// temporary file beside it renamed into place only when write succeeds, so
// an interrupted run never leaves half a report.
func writeReport(output string, stdout io.Writer, write func(io.Writer) error) error {
	if output == "" {
		return write(stdout)
	}
	return atomicWrite(output, write)
}

// atomicWrite writes a file through a temporary file in the same directory,
// synced and renamed into place with mode 0644, so a reader (a CI step, a
// browser reloading a canvas) sees the old file or the new one, never a
// partial one.
func atomicWrite(file string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
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
	// no-color.org: NO_COLOR counts when it is present and not empty.
	if os.Getenv("NO_COLOR") != "" || output != "" {
		return false, nil
	}
	f, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), nil
}
