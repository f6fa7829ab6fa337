package lint

import (
	"errors"
	"fmt"
	"maps"
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

// guard keeps custom policies off what crlint owns: the shared lib, every
// package under crlint. but crlint.rules.<yours>, and every built-in rule's
// package, its parents and its children. A custom module that names one,
// as its package or as the document a rule head writes, is refused at load
// time, positioned at that package line or rule head: otherwise it could
// replace a built-in rule (the same package), silence one (a lib function
// redefined) or add findings under a built-in code (a head written into a
// built-in rule's report).
type guard struct {
	crlint, lib, rules ast.Ref
	builtin            []ast.Ref
	codes              map[string]bool // built-in and loader rule codes
}

// newGuard lists the built-in packages and codes from the generated table,
// whether or not the built-in rules run (--no-builtin).
func newGuard() *guard {
	g := &guard{
		crlint: ast.MustParseRef("data.crlint"),
		lib:    ast.MustParseRef("data.crlint.lib"),
		rules:  ast.MustParseRef("data.crlint.rules"),
		codes:  map[string]bool{},
	}
	for _, pkg := range slices.Sorted(maps.Keys(builtinTable)) {
		g.builtin = append(g.builtin, ast.MustParseRef(pkg))
		g.codes[builtinTable[pkg].Code] = true
	}
	for _, r := range loaderRules {
		g.codes[r.Code] = true
	}
	return g
}

// check refuses a custom module that touches what crlint owns.
func (g *guard) check(m Module) error {
	pkg := m.Module.Package
	if why := g.reserved(pkg.Path); why != "" {
		return positioned(m.File, pkg.Location, "package %s %s", strings.TrimPrefix(pkg.Path.String(), "data."), why)
	}
	for _, r := range m.Module.Rules {
		if why := g.reserved(r.Ref().GroundPrefix()); why != "" {
			return positioned(m.File, r.Location, "rule %s %s", strings.TrimPrefix(r.Ref().String(), "data."), why)
		}
	}
	return nil
}

// reserved says why ref is crlint's, or "".
func (g *guard) reserved(ref ast.Ref) string {
	if !ref.HasPrefix(g.crlint) {
		return ""
	}
	if ref.HasPrefix(g.lib) || g.lib.HasPrefix(ref) {
		return "would replace or extend the built-in lib crlint.lib: a custom policy may import it, never define it"
	}
	if !ref.HasPrefix(g.rules) || ref.Equal(g.rules) {
		return "is reserved for crlint: put a custom rule in a package of its own under crlint.rules (crlint.rules.house[\"rule-name\"])"
	}
	for _, b := range g.builtin {
		if ref.HasPrefix(b) || b.HasPrefix(ref) {
			return fmt.Sprintf("would replace or extend the built-in rule %s: use a package of your own under crlint.rules", strings.TrimPrefix(b.String(), "data."))
		}
	}
	return ""
}

// positioned is a policy error at a location in file.
func positioned(file string, loc *ast.Location, format string, args ...any) error {
	row, col := 1, 1
	if loc != nil {
		row, col = loc.Row, loc.Col
	}
	return &PolicyError{Lines: []string{fmt.Sprintf("%s:%d:%d: %s", file, row, col, fmt.Sprintf(format, args...))}}
}
