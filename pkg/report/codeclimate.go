package report

import (
	"context"
	"encoding/json"
	"io"
)

// CodeClimate writes a Code Climate issue list, the format of GitLab's
// Code Quality report (artifacts:reports:codequality): GitLab shows the
// findings in the merge request's diff and widget.
type CodeClimate struct {
	w io.Writer
	o Options
}

// NewCodeClimate returns a Code Climate (GitLab Code Quality) reporter
// writing to w; o.WorkDir makes paths relative, as GitLab needs.
func NewCodeClimate(w io.Writer, o Options) *CodeClimate { return &CodeClimate{w: w, o: o} }

// The fields GitLab reads (description, check_name, fingerprint, severity,
// location.path, location.lines.begin and end), plus type and categories, which
// the Code Climate spec requires.
type (
	ccIssue struct {
		Type        string     `json:"type"`
		CheckName   string     `json:"check_name"`
		Description string     `json:"description"`
		Categories  []string   `json:"categories"`
		Severity    string     `json:"severity"`
		Fingerprint string     `json:"fingerprint"`
		Location    ccLocation `json:"location"`
	}
	ccLocation struct {
		Path  string  `json:"path"`
		Lines ccLines `json:"lines"`
	}
	ccLines struct {
		Begin int `json:"begin"`
		End   int `json:"end,omitempty"`
	}
)

// Report writes the findings as one JSON array.
func (c *CodeClimate) Report(_ context.Context, _ Run, fs []Finding) error {
	prints := Fingerprints(fs, c.o.relative)
	issues := make([]ccIssue, len(fs))
	for i, f := range fs {
		issues[i] = ccIssue{
			Type: "issue", CheckName: ruleTitle(f.Code, f.Rule), Description: f.Message,
			Categories: []string{"Style"}, Severity: ccSeverity(f.Severity), Fingerprint: prints[i],
			Location: ccLocation{Path: c.o.relative(f.File), Lines: ccLines{Begin: max(f.Line, 1), End: max(f.EndLine, f.Line, 1)}},
		}
	}
	enc := json.NewEncoder(c.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}

// ccSeverity maps a severity to Code Quality's scale (info, minor, major,
// critical, blocker): an error is major, a warning minor, info info.
func ccSeverity(s Severity) string {
	switch s {
	case Error:
		return "major"
	case Warning:
		return "minor"
	}
	return "info"
}
