package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/render"
	"github.com/crlint/crlint/pkg/report"
)

// renderOptions are render's flags.
type renderOptions struct {
	output        string
	format        string
	noFindings    bool
	config        string
	disable       []string
	stdinFilename string
	maxBytes      int64
}

func newRenderCommand() *cobra.Command {
	o := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render MODEL",
		Short: "Draw a model as a Business Model Canvas (HTML or SVG) with its findings",
		Long: `render draws a model as a Business Model Canvas: the nine blocks in their
usual arrangement, the Get / Keep / Grow strip, and every finding on the block
it concerns, coloured by severity. The findings are those check reports:
the .crlint.toml that governs the model (or --config), its policies and
[rules], --disable and crlint:disable comments all apply. The file is
self-contained (no scripts, nothing fetched from the network) and prints on
A4 landscape.

The format follows the -o extension (.html, .svg); with -o - (stdout) it is
--format, html by default. A model that is not valid TOML renders nothing:
the syntax error is printed on stderr and render exits 1. Findings do not
change the exit code; use crlint check to gate on them.`,
		Example: `  crlint render model.toml -o canvas.html
  crlint render model.toml -o canvas.svg --no-findings
  crlint render model.toml -o - --format svg > canvas.svg`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "-", "write the canvas to FILE (.html or .svg), replacing it atomically; - writes to stdout")
	f.StringVarP(&o.format, "format", "f", "", "output format: "+strings.Join(render.Formats(), ", ")+" (default: from the -o extension, html on stdout)")
	f.BoolVar(&o.noFindings, "no-findings", false, "draw a clean canvas without findings")
	f.StringVarP(&o.config, "config", "c", "", "use this config instead of the .crlint.toml found above MODEL")
	f.StringSliceVar(&o.disable, "disable", nil, "rules to leave off the canvas, by code or name (comma separated, repeatable)")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name a model read from stdin (MODEL -) is shown under")
	o.maxBytes = lint.DefaultMaxBytes
	f.Var((*byteSize)(&o.maxBytes), "max-file-size", "largest file read as a model, in bytes or with a unit (8MiB, 20MB)")
	return cmd
}

// renderFormat decides the format from --format and the -o extension; they
// must agree when both are given.
func renderFormat(o *renderOptions) (render.Format, error) {
	var flag render.Format
	if o.format != "" {
		f, err := render.ParseFormat(o.format)
		if err != nil {
			return "", usageError("--format: %v", err)
		}
		flag = f
	}
	if o.output == "-" {
		if flag == "" {
			return render.HTML, nil
		}
		return flag, nil
	}
	ext, ok := render.FormatOf(o.output)
	switch {
	case !ok && flag == "":
		return "", usageError("-o %s: cannot tell the format from the extension; name it .html or .svg, or pass --format", o.output)
	case ok && flag != "" && ext != flag:
		return "", usageError("-o %s is %s but --format is %s", o.output, ext, flag)
	case ok:
		return ext, nil
	}
	return flag, nil
}

func runRender(cmd *cobra.Command, o *renderOptions, path string) error {
	ctx := cmd.Context()
	format, err := renderFormat(o)
	if err != nil {
		return err
	}
	name, src, err := readModel(cmd.InOrStdin(), path, o)
	if err != nil {
		return err
	}
	doc := model.Load(name, src)

	var findings []report.Finding
	// A clean picture of a model that parses needs no rules at all.
	if !o.noFindings || doc.Input == nil {
		where := path
		if path == "-" {
			where = name // --stdin-filename says where it lives, for its config
		}
		if findings, err = renderFindings(ctx, o, doc, where); err != nil {
			return err
		}
	}
	if doc.Input == nil {
		// Nothing to draw: say why, like check's compact format, and fail.
		report.Sort(findings)
		if err := report.NewCompact(cmd.ErrOrStderr()).Report(ctx, report.Run{Files: 1}, findings); err != nil {
			return &exitError{code: ExitError, err: err}
		}
		return findingsFailed
	}

	var buf bytes.Buffer
	c := render.New(doc, findings, render.Options{NoFindings: o.noFindings})
	if err := render.Render(&buf, format, c); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if o.output == "-" {
		if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("write canvas: %w", err)}
		}
		return nil
	}
	err = atomicWrite(o.output, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write %s: %w", o.output, err)}
	}
	return nil
}

// renderFindings checks doc as check would: with the .crlint.toml that
// governs it (or --config), that config's policies and [rules], --disable,
// and the model's crlint:disable comments, so that the canvas shows what
// check reports.
func renderFindings(ctx context.Context, o *renderOptions, doc *model.Document, where string) ([]report.Finding, error) {
	var cfg *config.Config
	var err error
	switch {
	case o.config != "":
		cfg, err = config.Load(o.config)
	case where != "":
		cfg, err = config.NewFinder().For(where)
	}
	if err != nil {
		return nil, usageError("%v", err)
	}
	var dirs []string
	sel := lint.Selection{Disable: o.disable}
	if cfg != nil {
		dirs = cfg.Policies
		sel.Rules, sel.Select, sel.ExtendSelect = cfg.Rules, cfg.Select, cfg.ExtendSelect
	}
	engine, err := lint.New(ctx, lint.Options{PolicyDirs: dirs})
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	settings, err := engine.NewSettings(sel)
	if err != nil {
		if cfg != nil {
			return nil, usageError("%s: %v", cfg.Path, err)
		}
		return nil, usageError("%v", err)
	}
	findings, err := engine.CheckWith(ctx, doc, settings)
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	return findings, nil
}

// readModel reads MODEL, or stdin for "-", within the size limit.
func readModel(stdin io.Reader, path string, o *renderOptions) (name string, src []byte, err error) {
	if path == "-" {
		src, err = io.ReadAll(io.LimitReader(stdin, o.maxBytes+1))
		if err != nil {
			return "", nil, usageError("read stdin: %v", err)
		}
		if int64(len(src)) > o.maxBytes {
			return "", nil, usageError("stdin is over the %d-byte limit for a model (--max-file-size)", o.maxBytes)
		}
		name = o.stdinFilename
		if name == "" {
			name = "<stdin>"
		}
		return name, src, nil
	}
	src, err = lint.Source{Name: path, Path: path}.Read(o.maxBytes)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", pe.Path, pe.Err)
		}
		return "", nil, &exitError{code: ExitError, err: err}
	}
	return path, src, nil
}
