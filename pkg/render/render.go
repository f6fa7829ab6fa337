// Package render draws a model as a Business Model Canvas: the nine blocks in
// their usual arrangement, the Get / Keep / Grow strip below, and each
// finding on the block it concerns.
//
// HTML and SVG are both written with html/template, so every string that
// comes from a model is escaped, and both are self-contained: inline CSS,
// no scripts, no fonts or images fetched from anywhere.
package render

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is an output format.
type Format string

// The output formats.
const (
	HTML Format = "html"
	SVG  Format = "svg"
)

// Formats lists the format names.
func Formats() []string { return []string{string(HTML), string(SVG)} }

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch Format(strings.ToLower(s)) {
	case HTML:
		return HTML, nil
	case SVG:
		return SVG, nil
	}
	return "", fmt.Errorf("unknown format %q (want %s)", s, strings.Join(Formats(), " or "))
}

// FormatOf chooses a format from a file name's extension: .html, .htm or
// .svg. ok is false for any other extension.
func FormatOf(path string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return HTML, true
	case ".svg":
		return SVG, true
	}
	return "", false
}

// Options change what is drawn.
type Options struct {
	// NoFindings draws a clean canvas: no findings, counts or legend.
	NoFindings bool
}

// Render writes c to w in format f. The output is produced in memory first,
// so a failure never leaves half a document in w.
func Render(w io.Writer, f Format, c *Canvas) error {
	var buf bytes.Buffer
	var err error
	switch f {
	case HTML:
		err = writeHTML(&buf, c)
	case SVG:
		err = writeSVG(&buf, c)
	default:
		err = fmt.Errorf("unknown format %q (want %s)", f, strings.Join(Formats(), " or "))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
