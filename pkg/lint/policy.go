package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/crlint/crlint/pkg/report"
)

// rulesPrefix is the package prefix of every rule; its `report` set is what
// check evaluates.
const rulesPrefix = "data.crlint.rules."

// parseOptions parse Rego v1 with METADATA blocks.
var parseOptions = ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}

// Module is one parsed policy file.
type Module struct {
	File   string
	Module *ast.Module
	// Custom is true for a module from a policy directory.
	Custom bool
}

// ParseDir reads the .rego files below dir as ReadPolicyDirs does and
// parses them in this process, naming files by their path so that errors
// and test results point at them. crlint itself parses policy directories
// only in the policy worker (see isolate.go); tests use ParseDir.
func ParseDir(dir string, tests bool) ([]Module, error) {
	files, err := ReadPolicyDirs([]string{dir}, tests)
	if err != nil {
		return nil, err
	}
	return parseFiles(files)
}

// parseFiles parses policy files as custom modules.
func parseFiles(files []PolicyFile) ([]Module, error) {
	mods := make([]Module, 0, len(files))
	for _, f := range files {
		m, err := parseSource(f.Name, []byte(f.Src), false, true)
		if err != nil {
			return nil, err
		}
		m.Custom = true
		mods = append(mods, m)
	}
	return mods, nil
}

// ParseFS parses every .rego file below root in fsys. Test files are
// included only when tests is true.
func ParseFS(fsys fs.FS, root string, tests bool) ([]Module, error) {
	return parse(fsys, root, "", tests, false)
}

// parse parses the .rego files below root. With plain, METADATA is not
// read and whole-line comments are blanked before parsing (keeping line
// numbers): the built-in rules' metadata comes from builtinTable instead,
// which saves a start-up from parsing YAML and long comments.
func parse(fsys fs.FS, root, prefix string, tests, plain bool) ([]Module, error) {
	files, err := regoFiles(fsys, root, tests)
	if err != nil {
		return nil, err
	}
	mods := make([]Module, 0, len(files))
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		name := f
		if prefix != "" {
			name = filepath.Join(prefix, filepath.FromSlash(f))
		}
		m, err := parseSource(name, src, plain, prefix != "")
		if err != nil {
			return nil, err
		}
		mods = append(mods, m)
	}
	return mods, nil
}

// regoFiles lists the .rego files below root, sorted (test files only when
// tests is true). A symbolic link is listed as a file, for the reader to
// judge.
func regoFiles(fsys fs.FS, root string, tests bool) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || !tests && strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		files = append(files, p)
		return nil
	})
	sort.Strings(files)
	return files, err
}

// parseSource parses one policy file. With v0, a file that is not Rego v1
// is parsed as Rego v0: a conftest policy written before OPA 1.0 still
// works unchanged.
func parseSource(name string, src []byte, plain, v0 bool) (Module, error) {
	opts := parseOptions
	if plain {
		opts.ProcessAnnotation = false
		src = blankComments(src)
	}
	m, err := ast.ParseModuleWithOpts(name, string(src), opts)
	if err != nil && v0 {
		o0 := parseOptions
		o0.RegoVersion = ast.RegoV0
		if m0, err0 := ast.ParseModuleWithOpts(name, string(src), o0); err0 == nil {
			m, err = m0, nil
		}
	}
	if err != nil {
		return Module{}, policyError(err)
	}
	return Module{File: name, Module: m}, nil
}

// blankComments empties every line that is only a comment, keeping the
// line breaks so positions stay right.
func blankComments(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for len(src) > 0 {
		line, rest, found := bytes.Cut(src, []byte{'\n'})
		if t := bytes.TrimLeft(line, " \t"); len(t) == 0 || t[0] != '#' {
			out = append(out, line...)
		}
		if found {
			out = append(out, '\n')
		}
		src = rest
	}
	return out
}

// conftestRule matches the rule names conftest evaluates in package main.
var conftestRule = regexp.MustCompile(`^(deny|violation|warn)(_[A-Za-z0-9_]+)?$`)

// rulesFromModule reads the rules a module defines: a crlint rule (a package
// under crlint.rules. with a report set and METADATA), or conftest-style
// deny/violation/warn rules in package main. The lib and tests define none.
func rulesFromModule(m Module) ([]*Rule, error) {
	pkg := m.Module.Package.Path.String()
	if m.Custom && pkg == "data.main" {
		return conftestRules(m), nil
	}
	if !strings.HasPrefix(pkg, rulesPrefix) || !hasReport(m.Module) {
		return nil, nil
	}
	if !m.Custom && len(m.Module.Annotations) == 0 {
		if r, ok := builtinTable[pkg]; ok {
			r.File = m.File
			return []*Rule{&r}, nil
		}
		return nil, fmt.Errorf("%s: rule %s is missing from the generated metadata table (run make generate)", m.File, pkg)
	}
	r, err := ruleFromModule(m)
	if err != nil {
		return nil, err
	}
	return []*Rule{r}, nil
}

func conftestRules(m Module) []*Rule {
	seen := map[string]bool{}
	var out []*Rule
	for _, r := range m.Module.Rules {
		name := r.Head.Name.String()
		if name == "" && len(r.Head.Reference) > 0 {
			name = r.Head.Reference[0].Value.String()
		}
		match := conftestRule.FindStringSubmatch(name)
		// Like conftest, only a set of messages reports: a boolean deny or a
		// function deny_x(...) is not a result.
		if match == nil || seen[name] || len(r.Head.Args) > 0 || r.Head.DocKind() != ast.PartialSetDoc {
			continue
		}
		seen[name] = true
		sev := report.Error
		if match[1] == "warn" {
			sev = report.Warning
		}
		// The code is the rule's name, so that [rules] and --disable can
		// name it; a finding's code may still come from its message.
		out = append(out, &Rule{
			Code: name, Name: name, Severity: sev, Category: "conftest", Custom: true, Conftest: true,
			Summary: fmt.Sprintf("conftest rule %s of %s", name, m.File),
			Package: "data.main." + name, File: m.File,
		})
	}
	return out
}

// ruleFromModule reads a crlint rule's METADATA.
func ruleFromModule(m Module) (*Rule, error) {
	pkg := m.Module.Package.Path.String()
	r := &Rule{Package: pkg, File: m.File, Custom: m.Custom}
	for _, a := range m.Module.Annotations {
		if a.Scope != "package" {
			continue
		}
		r.Name = a.Title
		r.Summary = a.Description
		c := a.Custom
		r.Code, _ = c["code"].(string)
		r.Hint, _ = c["hint"].(string)
		r.Category, _ = c["category"].(string)
		if s, ok := c["severity"].(string); ok {
			sev, err := report.ParseSeverity(s)
			if err != nil {
				return nil, moduleError(m, "METADATA: %v", err)
			}
			r.Severity = sev
		}
		r.DefaultOff, _ = c["off_by_default"].(bool)
		opts, err := options(m, c["options"])
		if err != nil {
			return nil, err
		}
		r.Options = opts
		r.Why = text(c["why"])
		r.Fix = text(c["fix"])
		r.Bad = text(c["bad"])
		r.Good = text(c["good"])
		gs, _ := c["guidance"].([]any)
		for _, g := range gs {
			gm, _ := g.(map[string]any)
			src, _ := gm["source"].(string)
			quote, _ := gm["quote"].(string)
			r.Guidance = append(r.Guidance, Guidance{Source: src, Quote: strings.TrimSpace(quote)})
		}
	}
	if r.Category == "" {
		r.Category = "custom"
		if !m.Custom {
			// policies/rules/<category>/<name>/<file>.rego
			r.Category = path.Base(path.Dir(path.Dir(filepath.ToSlash(m.File))))
		}
	}
	var missing []string
	if r.Code == "" {
		missing = append(missing, "custom.code")
	}
	if r.Name == "" {
		missing = append(missing, "title")
	}
	if r.Severity == 0 {
		missing = append(missing, "custom.severity")
	}
	if len(missing) > 0 {
		return nil, moduleError(m, "rule %s: its METADATA lacks %s (a # METADATA block just above the package line)", pkg, strings.Join(missing, ", "))
	}
	return r, nil
}

// moduleError is a mistake in a whole policy file, positioned at its
// package line like a compile error.
func moduleError(m Module, format string, args ...any) error {
	loc := m.Module.Package.Location
	return &PolicyError{Lines: []string{fmt.Sprintf("%s:%d:%d: %s", m.File, loc.Row, loc.Col, fmt.Sprintf(format, args...))}}
}

// ruleHome says where a rule comes from, for messages.
func ruleHome(r *Rule) string {
	if r.File == "" || !r.Custom {
		return "a built-in rule"
	}
	return r.File
}

func hasReport(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Name == "report" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("report")) == 0) {
			return true
		}
	}
	return false
}

// options reads a rule's METADATA options: a list of {name, default,
// description}, the default a non-negative integer.
func options(m Module, v any) ([]Option, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, moduleError(m, "METADATA: custom.options must be a list of {name, default, description}")
	}
	out := make([]Option, 0, len(list))
	for i, el := range list {
		om, _ := el.(map[string]any)
		name, _ := om["name"].(string)
		def, okDef := 0.0, true
		switch d := om["default"].(type) {
		case float64:
			def = d
		case int:
			def = float64(d)
		case json.Number:
			f, err := d.Float64()
			def, okDef = f, err == nil
		default:
			okDef = false
		}
		if name == "" || !okDef || def < 0 || def != float64(int(def)) {
			return nil, moduleError(m, "METADATA: custom.options[%d] needs a name and a non-negative integer default", i)
		}
		out = append(out, Option{Name: name, Default: int(def), Description: text(om["description"])})
	}
	return out, nil
}

// text reads an optional METADATA string, trimmed.
func text(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}
