package lsp

import (
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// docsURL is where each built-in rule's documentation page lives.
const docsURL = "https://github.com/crlint/crlint/blob/main/docs/rules/"

// diagnostics are the state's findings as the editor shows them. A model
// that could not be checked (a bad config or policy) gets one diagnostic
// saying why, at its start.
func (st *state) diagnostics() []Diagnostic {
	out := []Diagnostic{}
	if st.err != nil {
		return append(out, Diagnostic{Severity: severityError, Source: "crlint", Message: "crlint could not check this model: " + st.err.Error()})
	}
	for _, f := range st.findings() {
		out = append(out, st.diagnostic(f))
	}
	return out
}

// diagnostic converts one finding.
func (st *state) diagnostic(f report.Finding) Diagnostic {
	d := Diagnostic{
		Range:    st.findingRange(f),
		Severity: lspSeverity(f.Severity),
		Code:     f.Code,
		Source:   "crlint",
		Message:  f.Message,
	}
	if r := lint.Builtin(f.Code); r != nil && r.Name == f.Rule {
		d.CodeDescription = &CodeDescription{Href: docsURL + r.Name + ".md"}
	}
	return d
}

// findingRange is a finding's range in protocol positions.
func (st *state) findingRange(f report.Finding) Range {
	end := model.Pos{Line: f.EndLine, Col: f.EndColumn}
	if f.EndLine == 0 {
		end = model.Pos{Line: f.Line, Col: f.Column}
	}
	return st.text.modelRange(model.Pos{Line: f.Line, Col: f.Column}, end)
}

func lspSeverity(s report.Severity) int {
	switch s {
	case report.Error:
		return severityError
	case report.Warning:
		return severityWarning
	}
	return severityInformation
}

// contains reports whether position p lies in r (its end included, so that
// a cursor just past a token is on it).
func contains(r Range, p Position) bool {
	return !less(p, r.Start) && !less(r.End, p)
}

func less(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// overlaps reports whether ranges a and b share a position.
func overlaps(a, b Range) bool {
	return !less(a.End, b.Start) && !less(b.End, a.Start)
}
