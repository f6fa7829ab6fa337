package lint

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// RemovedBuiltins are left out of the capabilities every policy is compiled
// with, so that a policy arriving in a pull request cannot reach the network
// or read the CI machine's environment. A policy calling one fails to
// compile, naming the file, line and builtin.
var RemovedBuiltins = map[string]string{
	"http.send":          "makes HTTP requests: could send CI secrets or model contents anywhere",
	"net.lookup_ip_addr": "resolves host names: a DNS query can leak data",
	"opa.runtime":        "returns the process environment, including CI secrets",
	// A JSON schema's $ref may name a file:// URL, which OPA reads whatever
	// the network settings; what it read can then appear in a message.
	"json.match_schema":  "resolves a schema's $ref, which may name a local file such as a credentials file",
	"json.verify_schema": "resolves a schema's $ref, which may name a local file such as a credentials file",
}

// SandboxCapabilities returns OPA's capabilities without RemovedBuiltins and
// with no host allowed for network access.
func SandboxCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), func(b *ast.Builtin) bool {
		_, removed := RemovedBuiltins[b.Name]
		return removed
	})
	caps.AllowNet = []string{}
	return caps
}

// policyError formats Rego parse and compile errors one per line as
// file:line:col: message, the form editors and CI annotations read.
func policyError(err error) error {
	var errs ast.Errors
	if !errors.As(err, &errs) {
		return err
	}
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		msg := strings.Join(strings.Fields(e.Message), " ") // one line per error
		if name, ok := strings.CutPrefix(msg, "undefined function "); ok {
			if why, removed := RemovedBuiltins[name]; removed {
				msg += " (crlint's sandbox removes it: it " + why + ")"
			}
		}
		if e.Location != nil {
			// The parser reports "unexpected eof" at column 0; columns
			// start at 1 for editors and annotations.
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", e.Location.File, e.Location.Row, max(e.Location.Col, 1), msg))
		} else {
			lines = append(lines, msg)
		}
	}
	return &PolicyError{Lines: lines}
}

// PolicyError is a policy that does not parse or compile: one line per
// error, each positioned.
type PolicyError struct{ Lines []string }

func (e *PolicyError) Error() string { return strings.Join(e.Lines, "\n") }

// usedCapabilities narrows caps to the builtins that mods call (and the
// operators the compiler rewrites to), which makes the compiler's set-up
// cheaper. Only for the built-in rules: a builtin missing here fails the
// compile loudly, and TestFastCompileAgrees compares the result with the
// full capabilities on every fixture.
func usedCapabilities(caps *ast.Capabilities, mods []Module) *ast.Capabilities {
	used := map[string]bool{
		ast.Equality.Name: true, ast.Assign.Name: true, ast.Member.Name: true,
		ast.MemberWithKey.Name: true, ast.Equal.Name: true, ast.NotEqual.Name: true,
	}
	for _, m := range mods {
		ast.WalkExprs(m.Module, func(x *ast.Expr) bool {
			if x.IsCall() {
				used[x.Operator().String()] = true
			}
			return false
		})
		ast.WalkTerms(m.Module, func(t *ast.Term) bool {
			if call, ok := t.Value.(ast.Call); ok && len(call) > 0 {
				used[call[0].String()] = true
			}
			return false
		})
	}
	narrowed := *caps
	narrowed.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), func(b *ast.Builtin) bool {
		return !used[b.Name]
	})
	return &narrowed
}
