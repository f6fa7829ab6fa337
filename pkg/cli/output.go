package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/pkg/workspace"
)

// output is one report of a run: a format and the file it goes to ("" is
// stdout), from -f FORMAT[:FILE] and -o, as golangci-lint takes them.
type output struct {
	format string
	file   string
}

// parseOutputs reads the -f values. A format without a file goes to -o, or
// to stdout; two reports cannot share one destination.
func parseOutputs(o *checkOptions) ([]output, error) {
	var outs []output
	seen := map[string]string{}
	for _, v := range o.formats {
		format, file, _ := strings.Cut(v, ":")
		if file == "" {
			file = o.output
		}
		if _, err := report.New(format, io.Discard, report.Options{}); err != nil {
			return nil, usageError("--format: %v", err)
		}
		dest := "stdout"
		if file != "" {
			dest = filepath.Clean(file)
		}
		if prev, ok := seen[dest]; ok {
			return nil, usageError("--format: %s and %s both write to %s; give one a file (-f %s:FILE)", prev, format, dest, format)
		}
		seen[dest] = format
		outs = append(outs, output{format: format, file: file})
	}
	if o.statistics {
		n := 0
		for _, out := range outs {
			if out.file == o.output && (out.format == "text" || out.format == "json") {
				n++
			}
		}
		if n == 0 {
			return nil, usageError("--statistics replaces a text or json report; other formats need findings (add -f text)")
		}
	}
	return outs, nil
}

// outputFiles lists the files the outputs write.
func outputFiles(outs []output) []string {
	var files []string
	for _, out := range outs {
		if out.file != "" {
			files = append(files, out.file)
		}
	}
	return files
}

// writeOutputs opens every output, stdout as it is and each file through
// atomicWrite (renamed into place only when write succeeds), and runs write
// with the writers in the order of outs.
func writeOutputs(outs []output, stdout io.Writer, write func([]io.Writer) error) error {
	ws := make([]io.Writer, len(outs))
	var open func(i int) error
	open = func(i int) error {
		if i == len(outs) {
			return write(ws)
		}
		if outs[i].file == "" {
			ws[i] = stdout
			return open(i + 1)
		}
		return atomicWrite(outs[i].file, func(w io.Writer) error {
			ws[i] = w
			return open(i + 1)
		})
	}
	return open(0)
}

// reporters builds a reporter for each output. With --statistics, the
// text or json report on stdout (or -o) counts findings per rule instead.
func reporters(cmd *cobra.Command, o *checkOptions, outs []output, ws []io.Writer, batch *workspace.Batch) ([]report.Reporter, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("working directory: %w", err)
	}
	reps := make([]report.Reporter, len(outs))
	for i, out := range outs {
		colorOn, err := useColor(o.color, cmd.OutOrStdout(), out.file)
		if err != nil {
			return nil, err
		}
		opts := report.Options{Color: colorOn, Quiet: o.quiet, Rules: batch.Rules(), Version: crlintVersion(), WorkDir: wd}
		if o.statistics && out.file == o.output && (out.format == "text" || out.format == "json") {
			reps[i] = report.NewStatistics(ws[i], out.format == "json", opts)
			continue
		}
		if reps[i], err = report.New(out.format, ws[i], opts); err != nil {
			return nil, err
		}
	}
	return reps, nil
}
