package lint

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// Settings say, for one model, which rules are off and which severities are
// changed: from .crlint.toml's [rules] and the --disable flag.
type Settings struct {
	Off      map[string]bool            // by code
	Severity map[string]report.Severity // by code
}

// Settings builds Settings from a [rules] table (code or name → off, info,
// warning, error) and the codes or names of --disable, which win.
func (e *Engine) Settings(rules map[string]string, disable []string) (*Settings, error) {
	s := &Settings{Off: map[string]bool{}, Severity: map[string]report.Severity{}}
	named := map[string]string{} // code → the key that set it
	for _, k := range slices.Sorted(maps.Keys(rules)) {
		v := rules[k]
		r := e.Lookup(k)
		if r == nil {
			return nil, fmt.Errorf("[rules]: unknown rule %q%s", k, e.suggestRule(k))
		}
		if prev, ok := named[r.Code]; ok && rules[prev] != v {
			return nil, fmt.Errorf("[rules]: %s = %q and %s = %q set the same rule differently", prev, rules[prev], k, v)
		}
		named[r.Code] = k
		if v == "off" {
			s.Off[r.Code] = true
			continue
		}
		sev, err := report.ParseSeverity(v)
		if err != nil {
			return nil, fmt.Errorf("[rules] %s: %w", k, err)
		}
		s.Severity[r.Code] = sev
	}
	for _, d := range disable {
		d = strings.TrimSpace(d)
		r := e.Lookup(d)
		if r == nil {
			return nil, fmt.Errorf("--disable: unknown rule %q%s", d, e.suggestRule(d))
		}
		s.Off[r.Code] = true
	}
	return s, nil
}

// apply drops findings of rules that are off and sets configured severities.
func (s *Settings) apply(fs []report.Finding) []report.Finding {
	if s == nil {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		// A conftest finding may carry a code from its message; settings
		// name its rule (deny, warn_x), whose code is its name.
		if s.Off[f.Code] || s.Off[f.Rule] {
			continue
		}
		if sev, ok := s.Severity[f.Code]; ok {
			f.Severity = sev
		} else if sev, ok := s.Severity[f.Rule]; ok {
			f.Severity = sev
		}
		out = append(out, f)
	}
	return out
}

func (e *Engine) suggestRule(s string) string {
	best := ""
	for _, r := range e.rules {
		if strings.EqualFold(r.Code, s) {
			return fmt.Sprintf(" (did you mean %q?)", r.Code)
		}
	}
	names := make([]string, len(e.rules))
	for i, r := range e.rules {
		names[i] = r.Name
	}
	if c := closestName(s, names); c != "" {
		best = fmt.Sprintf(" (did you mean %q?)", c)
	}
	return best
}

// closestName returns the rule name nearest to s, if it is near enough to
// be a misspelling.
func closestName(s string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := model.EditDistance(strings.ToLower(s), n); d < bestD {
			best, bestD = n, d
		}
	}
	if bestD > max(len(s)/4, 2) {
		return ""
	}
	return best
}
