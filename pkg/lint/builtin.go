package lint

// Builtin returns the built-in rule (a loader rule or an embedded policy)
// with this code, or nil: a custom policy's code is none. The language
// server links a built-in rule's findings to its documentation page.
func Builtin(code string) *Rule {
	for _, r := range loaderRules {
		if r.Code == code {
			return r
		}
	}
	for _, r := range builtinTable {
		if r.Code == code {
			return &r
		}
	}
	return nil
}
