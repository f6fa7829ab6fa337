package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// RuleSetting is what [rules] says about one rule: a severity ("off",
// "info", "warning", "error"; "" when only options are set) and the rule's
// options, written as a table:
//
//	[rules]
//	CR401 = "off"
//
//	[rules.summary-overloaded]
//	severity  = "warning"
//	max_words = 15
//
// The option names and values are checked against the rule's catalog entry
// by lint.Engine.NewSettings, which knows the rules.
type RuleSetting struct {
	Severity string
	Options  map[string]any
}

// ruleSetting is every value a [rules] severity may take.
var ruleSetting = []string{"off", "info", "warning", "error"}

// ruleSettings checks the decoded [rules] table: each value is a severity
// string or a table of severity and options. A value of another type
// (CR209 = false, 5, [...]) is an error naming the file and the key, never
// a decoder's message.
func ruleSettings(file string, decoded any) (map[string]RuleSetting, error) {
	if decoded == nil {
		return nil, nil
	}
	raw, ok := decoded.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: rules = %s: [rules] is a table of rule codes or names, e.g. [rules] CR401 = \"off\"", file, tomlValue(decoded))
	}
	out := make(map[string]RuleSetting, len(raw))
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		switch v := raw[k].(type) {
		case string:
			if !slices.Contains(ruleSetting, v) {
				return nil, fmt.Errorf("%s: [rules] %s = %q is not one of %s%s", file, k, v, strings.Join(ruleSetting, ", "), severitySuggestion(v))
			}
			out[k] = RuleSetting{Severity: v}
		case map[string]any:
			s := RuleSetting{Options: map[string]any{}}
			for _, o := range slices.Sorted(maps.Keys(v)) {
				if o != "severity" {
					s.Options[o] = v[o]
					continue
				}
				sev, ok := v[o].(string)
				if !ok || !slices.Contains(ruleSetting, sev) {
					return nil, fmt.Errorf("%s: [rules.%s] severity = %s is not one of %s%s", file, k, tomlValue(v[o]), strings.Join(ruleSetting, ", "), settingSuggestion(v[o]))
				}
				s.Severity = sev
			}
			out[k] = s
		default:
			return nil, fmt.Errorf("%s: [rules] %s = %s: a rule takes a severity string (%s) or a table of options%s",
				file, k, tomlValue(v), strings.Join(ruleSetting, ", "), settingSuggestion(v))
		}
	}
	return out, nil
}

// settingSuggestion guesses the severity meant by a value of the wrong
// type: false is "off", true the rule's default made explicit ("warning").
func settingSuggestion(v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return ` (did you mean "warning"?)`
		}
		return ` (did you mean "off"?)`
	case string:
		return severitySuggestion(x)
	}
	return ` (write e.g. "warning", or "off")`
}

// severitySuggestion is the did-you-mean for a misspelt severity; a prefix
// counts ("warn" → "warning").
func severitySuggestion(s string) string {
	for _, c := range ruleSetting {
		if len(s) >= 2 && strings.HasPrefix(c, strings.ToLower(s)) && c != s {
			return fmt.Sprintf(" (did you mean %q?)", c)
		}
	}
	return suggest(s, ruleSetting)
}

// tomlValue renders a decoded value as it would be written in TOML, for
// messages.
func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = tomlValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return "{...}"
	}
	return fmt.Sprint(v)
}

// ruleList checks select or extend_select: an array of rule codes or names.
// The names themselves are checked by lint.Engine.NewSettings.
func ruleList(file, key string, raw any) ([]string, error) {
	return stringList(file, key, raw, "rule code or name", "rule codes or names", `"CR207"`)
}

// stringList checks that a config value is an array of strings, each one
// a "one" (many of them: "many"; example is given in a suggestion).
func stringList(file, key string, raw any, one, many, example string) ([]string, error) {
	if raw == nil {
		return nil, nil
	}
	arr, ok := raw.([]any)
	if !ok {
		if s, isStr := raw.(string); isStr {
			return nil, fmt.Errorf("%s: %s = %q must be an array of %s (did you mean %s = [%q]?)", file, key, s, many, key, s)
		}
		return nil, fmt.Errorf("%s: %s = %s must be an array of %s, e.g. %s = [%s]", file, key, tomlValue(raw), many, key, example)
	}
	out := make([]string, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("%s: %s[%d] = %s must be a %s, e.g. %s", file, key, i, tomlValue(e), one, example)
		}
		out[i] = s
	}
	return out, nil
}
