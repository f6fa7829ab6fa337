package report

import (
	"context"
	"encoding/json"
	"io"
)

// JSON writes the report shape of SPEC §2, version 1.
type JSON struct{ w io.Writer }

// NewJSON returns a JSON reporter writing to w.
func NewJSON(w io.Writer) *JSON { return &JSON{w: w} }

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
	enc := json.NewEncoder(j.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonReport{Version: 1, Files: run.Files, Findings: fs, Summary: Summarize(fs)})
}
