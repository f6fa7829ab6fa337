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

// Option is one setting of a rule that house style may change, such as
// CR402's max_words. Options are non-negative integers.
type Option struct {
	Name        string `json:"name"`
	Default     int    `json:"default"`
	Description string `json:"description"`
}

// DefaultLabel is the rule's default as `crlint rules` shows it: its
// severity, or "off" for a rule that runs only when turned on.
func (r *Rule) DefaultLabel() string {
	if r.DefaultOff {
		return "off"
	}
	return r.Severity.String()
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
	// DefaultOff is true for a rule that runs only when turned on: by a
	// severity in [rules], --select or --extend-select (SPEC §3). Severity
	// is then the severity it has when turned on.
	DefaultOff bool `json:"off_by_default"`
	// Options are the rule's settings for house style, set in
	// [rules.<name>] and read by the rule from data.crlint.options.
	Options []Option `json:"options,omitempty"`
	// Why, Fix, Bad and Good are the documentation `crlint explain` and
	// docs/rules show: why the rule matters, how to fix a finding, and a
	// model snippet that triggers it and its corrected form.
	Why  string `json:"-"`
	Fix  string `json:"-"`
	Bad  string `json:"-"`
	Good string `json:"-"`
	// Package is the Rego package of a policy rule ("" for loader rules).
	Package string `json:"-"`
	// File is where the rule is defined ("" for loader rules).
	File string `json:"-"`
	// Custom is true for rules from a policy directory.
	Custom bool `json:"-"`
	// Conftest is true for a deny/warn/violation rule of package main.
	Conftest bool `json:"-"`
}

// loaderRules are the checks the model loader makes (SPEC §3, CR0xx). They
// are Go, not Rego, so their documentation lives here.
var loaderRules = []*Rule{
	{Code: "CR001", Name: "syntax-error", Severity: report.Error, Category: "format",
		Summary: "The file is not valid TOML; it is then the file's only finding.",
		Why:     "A model that does not parse cannot be checked, and a parser that guessed would misread it silently. crlint accepts exactly what TOML 1.1 accepts.",
		Fix:     "Fix the syntax at the reported position: a missing quote or bracket, a key defined twice, a table header repeated.",
		Bad:     "name = \"Northbank\nstage = \"mature\"",
		Good:    "name = \"Northbank\"\nstage = \"mature\""},
	{Code: "CR002", Name: "unknown-key", Severity: report.Error, Category: "format",
		Summary: "A key is not part of the model format.",
		Why:     "A misspelt key is a field the rules never see: `segmets = [...]` leaves a relationship with no segment. Only the outermost unknown key of a table is reported.",
		Fix:     "Use the key the hint suggests, or remove the key. `crlint schema` lists every key.",
		Bad:     "[[relationships]]\nid = \"desk\"\ntype = \"personal_assistance\"\nsegmets = [\"smb\"]",
		Good:    "[[relationships]]\nid = \"desk\"\ntype = \"personal_assistance\"\nsegments = [\"smb\"]"},
	{Code: "CR003", Name: "invalid-value", Severity: report.Error, Category: "format",
		Summary: "A value has the wrong TOML type, an id has bad characters, or a value is outside its enum.",
		Why:     "The rules reason about the 12 relationship types and the other enumerations by their canonical spelling. A value they cannot read is removed from what they see, so an item with an invalid type is skipped by every rule about types.",
		Fix:     "Use the canonical value the hint suggests (for example self_service, not Self-Service), the right TOML type, or an id of a-z, 0-9, _ and -.",
		Bad:     "[[relationships]]\nid = \"app\"\ntype = \"Self-Service\"",
		Good:    "[[relationships]]\nid = \"app\"\ntype = \"self_service\""},
	{Code: "CR004", Name: "missing-field", Severity: report.Error, Category: "format",
		Summary: "A required field is absent: name, an item's id, a relationship's type, a tactic's text.",
		Why:     "Items are connected by id, relationships are judged by type, and a tactic without its text says nothing.",
		Fix:     "Add the field the message names.",
		Bad:     "[[relationships]]\nsegments = [\"smb\"]",
		Good:    "[[relationships]]\nid = \"desk\"\ntype = \"personal_assistance\"\nsegments = [\"smb\"]"},
	{Code: "CR005", Name: "duplicate-id", Severity: report.Error, Category: "format",
		Summary: "Two items of one block share an id.",
		Why:     "A reference to a shared id is ambiguous. The second item keeps counting as an item but loses its id, so references resolve to the first.",
		Fix:     "Rename one of the two items and update the references to it.",
		Bad:     "[[segments]]\nid = \"smb\"\n\n[[segments]]\nid = \"smb\"",
		Good:    "[[segments]]\nid = \"smb\"\n\n[[segments]]\nid = \"enterprise\""},
	{Code: "CR006", Name: "unknown-reference", Severity: report.Error, Category: "format",
		Summary: "A reference names no item of the referenced block.",
		Why:     "A dangling reference is reported once, here, and otherwise treated as absent; a key whose references all dangle is not reported again as an empty link.",
		Fix:     "Use the id the hint suggests, or add the missing item.",
		Bad:     "[[segments]]\nid = \"smb\"\n\n[[relationships]]\nid = \"desk\"\ntype = \"personal_assistance\"\nsegments = [\"smbs\"]",
		Good:    "[[segments]]\nid = \"smb\"\n\n[[relationships]]\nid = \"desk\"\ntype = \"personal_assistance\"\nsegments = [\"smb\"]"},
	{Code: "CR007", Name: "unused-suppression", Severity: report.Info, Category: "format",
		Summary: "A crlint:disable comment suppresses nothing.",
		Why:     "A suppression that no longer matches a finding hides nothing today but will hide a real finding tomorrow.",
		Fix:     "Remove the comment, or correct the code it names.",
		Bad:     "stage = \"mature\" # crlint:disable CR999 nothing here",
		Good:    "stage = \"mature\""},
	{Code: "CR008", Name: "stale-baseline", Severity: report.Info, Category: "format",
		Summary: "A --baseline entry accepts more findings of a rule in a file than the file has today.",
		Hint:    "write the baseline again with --write-baseline FILE, so fixed findings cannot come back unnoticed",
		Why:     "A baseline accepts a count of findings per file and rule. When findings are fixed and the count is not lowered, new findings of that rule in that file are accepted silently, up to the old count. An entry for a file that no longer exists is stale too (reported at the baseline file).",
		Fix:     "Run crlint check --write-baseline FILE over the same models and commit the smaller baseline.",
		Bad:     "# baseline: {\"version\": 1, \"files\": {\"m.toml\": {\"CR102\": 2}}}\n# m.toml today: one segment without a relationship",
		Good:    "# baseline: {\"version\": 1, \"files\": {\"m.toml\": {\"CR102\": 1}}}\n# m.toml today: one segment without a relationship"},
}
