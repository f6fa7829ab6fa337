package lint

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// Selection is everything that says which rules run for a model, at which
// severity and with which options: the config's [rules], select and
// extend_select, and the flags --select, --extend-select and --disable.
type Selection struct {
	// Rules is the config's [rules] (code or name → severity, options).
	Rules map[string]config.RuleSetting
	// Select and ExtendSelect are the config's select and extend_select.
	Select, ExtendSelect []string
	// FlagSelect (--select) replaces the config's select when given;
	// FlagExtendSelect (--extend-select) adds to its extend_select.
	FlagSelect, FlagExtendSelect []string
	// Disable is --disable.
	Disable []string
}

// Settings say, for one model, which rules run, at which severity and with
// which options. Build them with Engine.NewSettings.
type Settings struct {
	// Off holds every rule of the engine that does not run, by code.
	Off map[string]bool
	// Severity holds the severities [rules] changes, by code.
	Severity map[string]report.Severity
	// Options holds the options [rules.<rule>] sets, by rule name, as the
	// rules read them from data.crlint.options.
	Options map[string]map[string]int
	// store holds data.crlint.options; nil when no option is set.
	store storage.Store
}

// NewSettings resolves a Selection against the engine's rules (SPEC §3,
// "Turning rules on and off"; §5, "Adoption in CI"):
//
//   - with select (--select, else the config's select), only the rules it
//     names run, also those off by default; without it, every rule that is
//     on by default runs, plus each rule off by default that [rules] gives
//     a severity;
//   - extend_select and --extend-select add rules, also those off by default;
//   - a rule set to "off" in [rules], or named by --disable, never runs.
//
// CR001 (syntax-error) runs whatever select says, unless it is turned off:
// a file that does not parse must not pass a gate unnoticed.
// Unknown codes or names, unknown options and option values of the wrong
// type are errors with a suggestion.
func (e *Engine) NewSettings(sel Selection) (*Settings, error) {
	s := &Settings{Off: map[string]bool{}, Severity: map[string]report.Severity{}}
	severityKey := map[string]string{} // code → the [rules] key that set its severity
	optionKey := map[string]string{}   // code and option → the key that set it
	turnedOn := map[string]bool{}
	for _, k := range slices.Sorted(maps.Keys(sel.Rules)) {
		v := sel.Rules[k]
		r := e.Lookup(k)
		if r == nil {
			return nil, fmt.Errorf("[rules]: unknown rule %q%s", k, e.suggestRule(k))
		}
		// A rule may be named by code in one place and by name in another
		// (CR402 = "info" beside [rules.summary-overloaded] max_words = 15);
		// only two different values for one setting are a conflict.
		if prev, ok := severityKey[r.Code]; ok && v.Severity != "" && sel.Rules[prev].Severity != v.Severity {
			return nil, fmt.Errorf("[rules]: %s and %s set the same rule differently", prev, k)
		}
		for o, val := range v.Options {
			if prev, ok := optionKey[r.Code+"\x00"+o]; ok && !reflect.DeepEqual(sel.Rules[prev].Options[o], val) {
				return nil, fmt.Errorf("[rules]: %s and %s set %s of the same rule differently", prev, k, o)
			}
			optionKey[r.Code+"\x00"+o] = k
		}
		if v.Severity != "" {
			severityKey[r.Code] = k
		}
		if err := s.setOptions(r, k, v.Options); err != nil {
			return nil, err
		}
		switch v.Severity {
		case "":
		case "off":
			s.Off[r.Code] = true
		default:
			sev, err := report.ParseSeverity(v.Severity)
			if err != nil {
				return nil, fmt.Errorf("[rules] %s: %w", k, err)
			}
			s.Severity[r.Code] = sev
			turnedOn[r.Code] = true
		}
	}

	selected, selectFrom := sel.Select, "select"
	if len(sel.FlagSelect) > 0 {
		selected, selectFrom = sel.FlagSelect, "--select"
	}
	only, err := e.codes(selectFrom, selected)
	if err != nil {
		return nil, err
	}
	extend, err := e.codes("extend_select", sel.ExtendSelect)
	if err != nil {
		return nil, err
	}
	flagExtend, err := e.codes("--extend-select", sel.FlagExtendSelect)
	if err != nil {
		return nil, err
	}
	disabled, err := e.codes("--disable", sel.Disable)
	if err != nil {
		return nil, err
	}
	for _, r := range e.rules {
		runs := !r.DefaultOff || turnedOn[r.Code]
		if len(selected) > 0 {
			runs = only[r.Code] || r.Code == "CR001"
		}
		runs = runs || extend[r.Code] || flagExtend[r.Code]
		if !runs || disabled[r.Code] {
			s.Off[r.Code] = true
		}
	}
	if len(s.Options) > 0 {
		opts := make(map[string]any, len(s.Options))
		for name, o := range s.Options {
			m := make(map[string]any, len(o))
			for k, v := range o {
				m[k] = v
			}
			opts[name] = m
		}
		s.store = inmem.NewFromObject(map[string]any{"crlint": map[string]any{"options": opts}})
	}
	return s, nil
}

// setOptions checks the options [rules.<key>] sets for rule r and records
// them.
func (s *Settings) setOptions(r *Rule, key string, opts map[string]any) error {
	if len(opts) == 0 {
		return nil
	}
	names := make([]string, len(r.Options))
	for i, o := range r.Options {
		names[i] = o.Name
	}
	for _, k := range slices.Sorted(maps.Keys(opts)) {
		if !slices.Contains(names, k) {
			if len(names) == 0 {
				return fmt.Errorf("[rules.%s]: unknown option %q: %s %s takes only severity", key, k, r.Code, r.Name)
			}
			known := append([]string{"severity"}, names...)
			hint := ""
			if c := model.Closest(k, known); c != "" {
				hint = fmt.Sprintf("did you mean %q? ", c)
			}
			return fmt.Errorf("[rules.%s]: unknown option %q (%s%s %s takes %s)", key, k, hint, r.Code, r.Name, strings.Join(known, ", "))
		}
		n, ok := opts[k].(int64)
		if !ok || n < 0 || n > 1<<31-1 {
			return fmt.Errorf("[rules.%s] %s = %v: must be a whole number of 0 or more, e.g. %s = %d", key, k, opts[k], k, optionDefault(r, k))
		}
		if s.Options == nil {
			s.Options = map[string]map[string]int{}
		}
		if s.Options[r.Name] == nil {
			s.Options[r.Name] = map[string]int{}
		}
		s.Options[r.Name][k] = int(n)
	}
	return nil
}

func optionDefault(r *Rule, name string) int {
	for _, o := range r.Options {
		if o.Name == name {
			return o.Default
		}
	}
	return 0
}

// codes resolves a list of codes or names (each may hold several, comma
// separated) to rule codes; from names the list in errors.
func (e *Engine) codes(from string, list []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, item := range list {
		for _, d := range strings.Split(item, ",") {
			d = strings.TrimSpace(d)
			if d == "" {
				continue
			}
			r := e.Lookup(d)
			if r == nil {
				return nil, fmt.Errorf("%s: unknown rule %q%s", from, d, e.suggestRule(d))
			}
			out[r.Code] = true
		}
	}
	return out, nil
}

// defaultSettings are the settings of a model nothing configures: the rules
// that are on by default, at their default severities.
func (e *Engine) defaultSettings() *Settings {
	s := &Settings{Off: map[string]bool{}}
	for _, r := range e.rules {
		if r.DefaultOff {
			s.Off[r.Code] = true
		}
	}
	return s
}

// Runs reports whether the rule with this code runs under the settings.
func (s *Settings) Runs(code string) bool { return !s.Off[code] }

// dataStore is the store the rules read data.crlint.options from.
func (s *Settings) dataStore(fallback storage.Store) storage.Store {
	if s == nil || s.store == nil {
		return fallback
	}
	return s.store
}

// apply drops findings of rules that do not run and sets configured
// severities.
func (s *Settings) apply(fs []report.Finding) []report.Finding {
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

// suggestRule is the did-you-mean for an unknown rule: a code in another
// case or with a letter for a digit (cr202, CR2O2), or the nearest name.
func (e *Engine) suggestRule(s string) string {
	codes := make([]string, len(e.rules))
	names := make([]string, len(e.rules))
	for i, r := range e.rules {
		if strings.EqualFold(r.Code, s) {
			return fmt.Sprintf(" (did you mean %q?)", r.Code)
		}
		codes[i], names[i] = r.Code, r.Name
	}
	up := strings.ToUpper(s)
	if len(up) == 5 && strings.HasPrefix(up, "CR") {
		if c := closestName(up, codes); c != "" && model.EditDistance(up, c) == 1 {
			return fmt.Sprintf(" (did you mean %q?)", c)
		}
	}
	if c := closestName(s, names); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}

// closestName returns the rule name nearest to s, if it is near enough to
// be a misspelling.
func closestName(s string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := model.EditDistance(strings.ToLower(s), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	if bestD > max(len(s)/4, 2) {
		return ""
	}
	return best
}
