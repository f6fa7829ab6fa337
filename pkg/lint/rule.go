// Package lint prepares crlint's rules once and checks models against them.
package lint

import (
	"github.com/crlint/crlint/pkg/report"
)

// Guidance is the passage of a source text that a rule encodes.
type Guidance struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
}

// Rule is what users see of one rule: its stable code and name, default
// severity, a one-line summary and the guidance it comes from. Rego rules
// take it from their METADATA; the loader's rules (CR0xx) from loaderRules.
type Rule struct {
	Code     string          `json:"code"`
	Name     string          `json:"name"`
	Severity report.Severity `json:"severity"`
	Category string          `json:"category"`
	Summary  string          `json:"summary"`
	Hint     string          `json:"hint,omitempty"`
	Guidance []Guidance      `json:"guidance,omitempty"`
	// Package is the Rego package of a policy rule ("" for loader rules).
	Package string `json:"-"`
	// File is where the rule is defined ("" for loader rules).
	File string `json:"-"`
	// Custom is true for rules from a policy directory.
	Custom bool `json:"-"`
}

// loaderRules are the checks the model loader makes (SPEC §3, CR0xx).
var loaderRules = []*Rule{
	{Code: "CR001", Name: "syntax-error", Severity: report.Error, Category: "format",
		Summary: "The file is not valid TOML; it is then the file's only finding."},
	{Code: "CR002", Name: "unknown-key", Severity: report.Error, Category: "format",
		Summary: "A key is not part of the model format."},
	{Code: "CR003", Name: "invalid-value", Severity: report.Error, Category: "format",
		Summary: "A value has the wrong TOML type, an id has bad characters, or a value is outside its enum."},
	{Code: "CR004", Name: "missing-field", Severity: report.Error, Category: "format",
		Summary: "A required field is absent: name, an item's id, a relationship's type, a tactic's text."},
	{Code: "CR005", Name: "duplicate-id", Severity: report.Error, Category: "format",
		Summary: "Two items of one block share an id."},
	{Code: "CR006", Name: "unknown-reference", Severity: report.Error, Category: "format",
		Summary: "A reference names no item of the referenced block."},
	{Code: "CR007", Name: "unused-suppression", Severity: report.Info, Category: "format",
		Summary: "A crlint:disable comment suppresses nothing."},
}
