package lint

import (
	"fmt"
	"strings"
)

// Find looks a rule up by code or name, ignoring case ("cr202" is CR202);
// when none matches, the error suggests the rule probably meant.
func (e *Engine) Find(codeOrName string) (*Rule, error) {
	if r := e.Lookup(codeOrName); r != nil {
		return r, nil
	}
	s := strings.TrimSpace(codeOrName)
	for _, r := range e.rules {
		if strings.EqualFold(r.Code, s) || strings.EqualFold(r.Name, s) {
			return r, nil
		}
	}
	return nil, fmt.Errorf("unknown rule %q%s (see crlint rules)", codeOrName, e.suggestRule(s))
}
