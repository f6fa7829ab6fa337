package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

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
	config        string
	policies      []string
	noBuiltin     bool
	timeout       time.Duration
	cpuProfile    string
	memProfile    string
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
	f.BoolVar(&o.fix, "fix", false, "apply safe fixes in place, then report what is left")
	f.BoolVar(&o.diff, "diff", false, "print the safe fixes as a unified diff and change nothing (exit 1 when there are any)")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) to FILE")
	f.StringVar(&o.memProfile, "memprofile", "", "write a heap profile (pprof) to FILE at exit")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
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
	flags := cmd.Flags()
	var flagThreshold report.Severity
	if flags.Changed("fail-on") {
		t, err := failThreshold(o.failOn)
		if err != nil {
			return err
		}
		flagThreshold = t
	}
	if _, err := report.New(o.format, io.Discard, report.Options{}); err != nil {
		return usageError("--format: %v", err)
	}
	if o.jobs < 0 {
		return usageError("--jobs must be 0 or more, not %d", o.jobs)
	}
	colorOn, err := useColor(o.color, cmd.OutOrStdout(), o.output)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"."}
	}

	// stdin is read so that an interrupt stops a read that waits (stdin.go).
	sources, errs, err := collectSources(contextReader{ctx, cmd.InOrStdin()}, args, o)
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
		}
		return err
	}
	if err := refuseModelOutput(o.output, sources); err != nil {
		return err
	}
	if err := fixFlagsError(o, sources); err != nil {
		return err
	}
	plan, err := newPlan(ctx, o)
	if err != nil {
		return err
	}
	sources, err = plan.assign(sources)
	if err != nil {
		return err
	}
	if err := plan.prepare(); err != nil {
		return err
	}

	tasks, thresholds := plan.tasks(sources)
	modelsUnder := map[string]int{} // directory argument → models found
	for _, s := range tasks {
		if s.Root != "" {
			modelsUnder[s.Root] += 0
		}
	}
	var checked []string
	var fx *fixer
	if o.fix || o.diff {
		fx = &fixer{write: o.fix, maxBytes: o.maxBytes}
	}
	failed := false
	next := 0 // index of the next result, to find its threshold
	collect := func(r lint.FileResult) ([]report.Finding, bool) {
		threshold := flagThreshold
		if threshold == 0 {
			threshold = thresholds[next]
		}
		next++
		if r.Skipped {
			return nil, false
		}
		modelsUnder[r.Source.Root]++
		if r.Err != nil {
			errs = append(errs, r.Err)
			return nil, false
		}
		if fx != nil {
			var ferr error
			if r, ferr = fx.apply(ctx, r); ferr != nil {
				errs = append(errs, ferr)
				return nil, false
			}
		}
		checked = append(checked, r.Source.Name)
		report.Sort(r.Findings)
		for _, f := range r.Findings {
			failed = failed || f.Severity >= threshold
		}
		return r.Findings, true
	}
	opts := report.Options{Color: colorOn, Quiet: o.quiet, Rules: plan.ruleInfo(), Version: crlintVersion()}
	err = writeReport(o.output, cmd.OutOrStdout(), func(w io.Writer) error {
		rep, err := report.New(o.format, w, opts)
		if err != nil {
			return err
		}
		if o.diff {
			fx.diff, rep = w, nopReporter{}
		}
		return checkAndReport(ctx, o, tasks, rep, collect, &checked)
	})
	if ctx.Err() != nil {
		return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted")}
	}
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write report: %w", err)}
	}
	for _, root := range slices.Sorted(maps.Keys(modelsUnder)) {
		if root != "" && modelsUnder[root] == 0 {
			errs = append(errs, lint.NoModels(root))
		}
	}
	for _, e := range errs {
		fmt.Fprintf(cmd.ErrOrStderr(), "crlint: %s\n", oneLine(e.Error()))
	}
	if o.diff {
		failed = fx.changed
	}
	switch {
	case len(errs) > 0:
		return &exitError{code: ExitError}
	case failed:
		return findingsFailed
	}
	return nil
}

// dedupe drops a file named twice (a.toml ./a.toml, or a file and the
// directory holding it), keeping the first.
func dedupe(sources []lint.Source) []lint.Source {
	seen := map[string]bool{}
	out := sources[:0]
	for _, s := range sources {
		if s.Path != "" {
			key := filepath.Clean(s.Path)
			if abs, err := filepath.Abs(key); err == nil {
				key = abs
			}
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, s)
	}
	return out
}

// refuseModelOutput stops -o from overwriting a model being checked:
// crlint never writes to a model file.
func refuseModelOutput(output string, sources []lint.Source) error {
	if output == "" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil // a new file cannot be a model being checked
	}
	for _, s := range sources {
		if s.Path == "" {
			continue
		}
		if st, err := os.Stat(s.Path); err == nil && os.SameFile(st, out) {
			return usageError("--output %s is a model being checked; crlint never writes to a model file", output)
		}
	}
	return nil
}

// collectSources turns the arguments into sources; "-" reads stdin once.
func collectSources(stdin io.Reader, args []string, o *checkOptions) ([]lint.Source, []error, error) {
	var paths []string
	var sources []lint.Source
	stdinRead := false
	for _, a := range args {
		if a != "-" {
			paths = append(paths, a)
			continue
		}
		if stdinRead {
			return nil, nil, usageError("- (stdin) is given twice")
		}
		stdinRead = true
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
	found, errs := lint.Discover(paths)
	sources = append(sources, found...)
	sources = dedupe(sources)
	// Checked and reported in name order, so that findings come out sorted
	// by file however the work is spread.
	sort.SliceStable(sources, func(i, j int) bool { return sources[i].Name < sources[j].Name })
	return sources, errs, nil
}

// checkAndReport checks the models and reports them. A line format
// (text, compact, github) writes each file's findings as soon as that file
// and those before it are done, so memory stays flat however many models
// there are; a document format (json, sarif, junit) gets them all at the end.
func checkAndReport(ctx context.Context, o *checkOptions, tasks []lint.Source, rep report.Reporter,
	collect func(lint.FileResult) ([]report.Finding, bool), checked *[]string) error {
	streamer, streaming := rep.(report.Streamer)
	var summary report.Summary
	var kept []report.Finding
	err := lint.Run(ctx, tasks, o.jobs, o.maxBytes, func(r lint.FileResult) error {
		fs, ok := collect(r)
		if !ok {
			return nil
		}
		summary.Add(fs)
		if streaming {
			return streamer.WriteFindings(fs)
		}
		kept = append(kept, fs...)
		return nil
	})
	if err != nil {
		return err
	}
	run := report.Run{Files: len(*checked), FileNames: *checked}
	if streaming {
		return streamer.Finish(run, summary)
	}
	return rep.Report(ctx, run, kept)
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
	return atomicWriteMode(file, 0o644, write)
}

// atomicWriteMode is atomicWrite giving the file mode perm.
func atomicWriteMode(file string, perm os.FileMode, write func(io.Writer) error) error {
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
		err = tmp.Chmod(perm)
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
