package lint

import (
	"fmt"
	"strings"
)

// Markdown renders a rule's documentation page: what `crlint explain`
// prints and docs/rules/<name>.md holds, from the rule's metadata alone.
func (r *Rule) Markdown() string {
	var b strings.Builder
	title := r.Code + " " + r.Name
	if r.Code == r.Name { // a conftest rule: deny, warn_x
		title = r.Name
	}
	fmt.Fprintf(&b, "# %s\n\n", title)
	fmt.Fprintf(&b, "%s\n\n", r.Summary)
	sev := r.Severity.String()
	switch r.Code {
	case "CR201", "CR202", "CR208":
		sev = "error for dedicated_personal_assistance, warning for personal_assistance"
	}
	if r.DefaultOff {
		sev = fmt.Sprintf("off by default (%s when turned on: `%s = \"%s\"` in [rules], or `--extend-select %s`)", sev, r.Code, sev, r.Code)
	}
	fmt.Fprintf(&b, "- Severity: %s\n- Category: %s\n\n", sev, r.Category)
	if r.Why != "" {
		fmt.Fprintf(&b, "## Why\n\n%s\n\n", r.Why)
	}
	if len(r.Guidance) > 0 {
		b.WriteString("## Guidance\n\n")
		for _, g := range r.Guidance {
			fmt.Fprintf(&b, "> %s\n\n— %s\n\n", strings.Join(strings.Fields(g.Quote), " "), g.Source)
		}
	}
	if len(r.Options) > 0 {
		b.WriteString("## Options\n\n")
		for _, o := range r.Options {
			fmt.Fprintf(&b, "- `%s` (default %d): %s\n", o.Name, o.Default, o.Description)
		}
		fmt.Fprintf(&b, "\nSet them in the config:\n\n```toml\n[rules.%s]\nseverity = \"%s\"\n", r.Name, r.Severity)
		for _, o := range r.Options {
			fmt.Fprintf(&b, "%s = %d\n", o.Name, o.Default)
		}
		b.WriteString("```\n\n")
	}
	if r.Bad != "" {
		fmt.Fprintf(&b, "## Bad\n\n```toml\n%s\n```\n\n", r.Bad)
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "## Good\n\n```toml\n%s\n```\n\n", r.Good)
	}
	if r.Fix != "" || r.Hint != "" {
		b.WriteString("## How to fix\n\n")
		if r.Fix != "" {
			fmt.Fprintf(&b, "%s\n\n", r.Fix)
		}
		if r.Hint != "" {
			fmt.Fprintf(&b, "Hint shown with each finding: `%s`\n\n", r.Hint)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
