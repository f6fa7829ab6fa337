package cli

import (
	"context"
	"fmt"
	"io"
	"os"
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
	formats       []string
	failOn        string
	color         string
	quiet         bool
	jobs          int
	stdinFilename string
	disable       []string
	selectRules   []string
	extendSelect  []string
	output        string
	maxBytes      int64
	config        string
	policies      []string
	noBuiltin     bool
	timeout       time.Duration
	maxMemory     int64
	cpuProfile    string
	memProfile    string
	baseline      string
	writeBaseline string
	changedSince  string
	shard         string
	forceExclude  bool
	statistics    bool
	fix           bool
	diff          bool
}

func newCheckCommand() *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Lint models; a directory is walked for *.toml models, - reads stdin",
		Example: `  crlint check model.toml
  crlint check strategy/ --format json
  crlint check strategy/ -f text -f sarif:crlint.sarif
  cat model.toml | crlint check --stdin-filename model.toml --format compact`,
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
	f.StringArrayVarP(&o.formats, "format", "f", []string{"text"}, "output format, FORMAT or FORMAT:FILE (repeatable): "+strings.Join(report.Formats(), ", "))
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 on findings at or above: error, warning, info, none")
	f.StringVar(&o.color, "color", "auto", "colour the text format: auto, always, never (NO_COLOR is honoured)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing when there are no findings")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "models checked at once, and CPUs a large model's rules may use (0: one per CPU; at most 256)")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "read the model from stdin (without - too) and name it so")
	f.StringSliceVar(&o.disable, "disable", nil, "rules to turn off, by code or name (comma separated, repeatable)")
	f.StringSliceVar(&o.selectRules, "select", nil, "run only these rules, by code or name (comma separated, repeatable)")
	f.StringSliceVar(&o.extendSelect, "extend-select", nil, "also run these rules, also those off by default (comma separated, repeatable)")
	f.StringVarP(&o.output, "output", "o", "", "write the report to FILE instead of stdout")
	o.maxBytes = lint.DefaultMaxBytes
	f.Var((*byteSize)(&o.maxBytes), "max-file-size", "largest file read as a model, in bytes or with a unit (8MiB, 20MB)")
	f.StringVarP(&o.config, "config", "c", "", "use this config file instead of finding .crlint.toml")
	f.StringArrayVarP(&o.policies, "policy", "p", nil, "directory of custom policies (repeatable)")
	f.BoolVar(&o.noBuiltin, "no-builtin", false, "run custom policies only")
	f.DurationVar(&o.timeout, "timeout", 0, "time limit for the rules on one model (default 5s, plus 3s for each MiB of the model)")
	f.Int64Var(&o.maxMemory, "max-policy-memory", lint.DefaultMaxPolicyMemory>>20, "memory limit, in MiB, of each process running custom policies")
	f.StringVar(&o.baseline, "baseline", "", "do not report the findings FILE accepts (see --write-baseline)")
	f.StringVar(&o.writeBaseline, "write-baseline", "", "write today's findings to FILE as a baseline, and report none")
	f.StringVar(&o.changedSince, "changed-since", "", "check only models that differ from git revision REV")
	f.StringVar(&o.shard, "shard", "", "check only share I of N stable shares of the models (I/N)")
	f.BoolVar(&o.forceExclude, "force-exclude", false, "apply exclude to files named on the command line; skip a named file that is no model")
	f.BoolVar(&o.statistics, "statistics", false, "print one line per rule with its count instead of the findings")
	f.BoolVar(&o.fix, "fix", false, "apply safe fixes in place, then report what is left")
	f.BoolVar(&o.diff, "diff", false, "print the safe fixes as a unified diff and change nothing (exit 1 when there are any)")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) to FILE")
	f.StringVar(&o.memProfile, "memprofile", "", "write a heap profile (pprof) to FILE at exit")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	return cmd
}

// workspaceOptions are the flags the workspace needs.
func workspaceOptions(cmd *cobra.Command, o *checkOptions) (workspace.Options, error) {
	opts := workspace.Options{
		Config: o.config, PolicyDirs: o.policies, NoBuiltin: o.noBuiltin, Disable: o.disable,
		Select: o.selectRules, ExtendSelect: o.extendSelect,
		Timeout: o.timeout, MaxPolicyMemory: o.maxMemory << 20, MaxBytes: o.maxBytes, Jobs: o.jobs, ForceExclude: o.forceExclude,
		Baseline: o.baseline, WriteBaseline: o.writeBaseline, ChangedSince: o.changedSince,
	}
	if cmd.Flags().Changed("fail-on") {
		opts.FailOn = o.failOn
	}
	if o.jobs < 0 || o.jobs > lint.MaxJobs {
		return opts, usageError("--jobs must be between 0 and %d, not %d", lint.MaxJobs, o.jobs)
	}
	if err := checkPolicyMemory(o.maxMemory); err != nil {
		return opts, err
	}
	if o.shard != "" {
		sh, err := workspace.ParseShard(o.shard)
		if err != nil {
			return opts, usageError("--shard: %v", err)
		}
		opts.Shard = sh
	}
	return opts, nil
}

func runCheck(cmd *cobra.Command, o *checkOptions, args []string) error {
	ctx := cmd.Context()
	outputs, err := parseOutputs(o)
	if err != nil {
		return err
	}
	if _, err := useColor(o.color, cmd.OutOrStdout(), ""); err != nil {
		return err
	}
	opts, err := workspaceOptions(cmd, o)
	if err != nil {
		return err
	}
	switch {
	case len(args) == 0 && o.stdinFilename != "":
		args = []string{"-"} // as ruff does: a name for stdin means stdin
	case len(args) == 0:
		args = []string{"."}
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
	if err := fixFlagsError(o, stdin); err != nil {
		return err
	}
	batch, err := ws.Collect(ctx, withoutStdin(args), stdin...)
	if err != nil {
		if ctx.Err() != nil { // interrupted while a policy worker loaded
			return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
		}
		return &exitError{code: ExitError, err: err}
	}
	for _, out := range append(outputFiles(outputs), o.writeBaseline) {
		if err := refuseModelOutput(out, batch.Paths()); err != nil {
			return err
		}
	}
	fx := newFixer(o, ws, stdin)
	var outcome *workspace.Outcome
	err = writeOutputs(outputs, cmd.OutOrStdout(), func(writers []io.Writer) error {
		reps, err := reporters(cmd, o, outputs, writers, batch)
		if err != nil {
			return err
		}
		if o.diff {
			fx.diff, reps = writers[0], nil // the diff is the output (fixFlagsError)
		}
		outcome, err = checkAndReport(ctx, batch, reps, fx)
		return err
	})
	if ctx.Err() != nil {
		return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
	}
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write report: %w", err)}
	}
	if err := writeBaseline(cmd, ws, o.writeBaseline); err != nil {
		return err
	}
	failed := outcome.Failed
	if fx != nil {
		outcome.Errs = append(outcome.Errs, fx.errs...)
		failed = fx.failed
	}
	for _, e := range outcome.Errs {
		fmt.Fprintf(cmd.ErrOrStderr(), "crlint: %s\n", oneLine(e.Error()))
	}
	switch {
	case len(outcome.Errs) > 0:
		return &exitError{code: ExitError}
	case failed:
		return findingsFailed
	}
	return nil
}

// writeBaseline writes --write-baseline's file, atomically, and says what
// it holds on stderr.
func writeBaseline(cmd *cobra.Command, ws *workspace.Workspace, file string) error {
	if file == "" {
		return nil
	}
	var files, findings int
	err := atomicWrite(file, func(w io.Writer) error {
		var err error
		files, findings, _, err = ws.WriteBaseline(w)
		return err
	})
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write baseline %s: %w", file, err)}
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "crlint: baseline %s accepts %d findings in %d files\n", file, findings, files)
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
			return usageError("output %s is a model being checked; crlint never writes to a model file", output)
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
			return nil, usageError("stdin is over the %d-byte limit for a model (--max-file-size)", o.maxBytes)
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

// checkAndReport checks the models and reports them to every reporter. A
// line format (text, compact, github) writes each file's findings as soon
// as that file and those before it are done, so memory stays flat however
// many models there are; a document format (json, sarif, junit,
// codeclimate) gets them all at the end.
func checkAndReport(ctx context.Context, batch *workspace.Batch, reps []report.Reporter, fx *fixer) (*workspace.Outcome, error) {
	var summary report.Summary
	var kept []report.Finding
	keep := false
	for _, rep := range reps {
		if _, streaming := rep.(report.Streamer); !streaming {
			keep = true
		}
	}
	failAt := map[string]report.Severity{}
	outcome, err := batch.Run(ctx, func(r *workspace.Result) error {
		fx.apply(ctx, r) // --fix, --diff
		summary.Add(r.Findings)
		failAt[r.Name] = r.Threshold
		for _, rep := range reps {
			if s, ok := rep.(report.Streamer); ok {
				if err := s.WriteFindings(r.Findings); err != nil {
					return err
				}
			}
		}
		if keep {
			kept = append(kept, r.Findings...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	run := report.Run{Files: len(outcome.Checked), FileNames: outcome.Checked, FailAt: failAt, Fixed: fx.count()}
	for _, rep := range reps {
		if s, ok := rep.(report.Streamer); ok {
			err = s.Finish(run, summary)
		} else {
			err = rep.Report(ctx, run, kept)
		}
		if err != nil {
			return nil, err
		}
	}
	return outcome, nil
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
