package report

import (
	"context"
	"encoding/json"
	"io"
)

// JSON writes the report shape of SPEC §2, version 1.
type JSON struct {
	w io.Writer
	o Options
}

// NewJSON returns a JSON reporter writing to w; o.WorkDir makes file
// names relative.
func NewJSON(w io.Writer, o Options) *JSON { return &JSON{w: w, o: o} }

type jsonReport struct {
	Version  int       `json:"version"`
	Files    int       `json:"files"`
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`
}

// Report writes the findings as one JSON document.
func (j *JSON) Report(_ context.Context, run Run, fs []Finding) error {
	if fs == nil {
		fs = []Finding{}
	}
	if j.o.WorkDir != "" {
		rel := make([]Finding, len(fs))
		for i, f := range fs {
			f.File = j.o.relative(f.File)
			rel[i] = f
		}
		fs = rel
	}
	enc := json.NewEncoder(j.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonReport{Version: 1, Files: run.Files, Findings: fs, Summary: Summarize(fs)})
}
