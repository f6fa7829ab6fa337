package lint_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/policies"
)

// policyDir writes files (name → Rego source) into a new directory.
func policyDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newCustom compiles an engine with the given policy directories.
func newCustom(t *testing.T, opts lint.Options) *lint.Engine {
	t.Helper()
	e, err := lint.New(context.Background(), opts)
	if err != nil {
		t.Fatalf("lint.New: %v", err)
	}
	return e
}

// ownerRule is a custom rule in the contract of the built-in ones: METADATA,
// a report set of {message, path}, and the shared lib.
const ownerRule = `# METADATA
# title: relationship-without-owner
# description: A relationship does not say who owns it.
# custom:
#   code: HOUSE900
#   severity: warning
#   hint: 'say who owns it: description = "owner: ..."'
package crlint.rules.house["relationship-without-owner"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	not contains(object.get(r, "description", ""), "owner:")
	finding := {
		"path": ["relationships", i],
		"message": sprintf("%s does not name its owner", [lib.label("relationships", i)]),
	}
}

# A written description without an owner points at the description itself.
report contains finding if {
	some i, r in input.relationships
	is_string(r.description)
	not contains(r.description, "owner:")
	finding := {
		"path": ["relationships", i, "description"],
		"message": sprintf("the description of %s names no owner", [lib.label("relationships", i)]),
		"severity": "info",
		"hint": "end it with owner: NAME",
	}
}
`

// tinyModel has a relationship without a description (line 5), one with a
// description (line 9) and one whose owner is named.
const tinyModel = `name = "Tiny"
[[segments]]
id = "smb"
[[relationships]]
id = "desk"
type = "transactional"
segments = ["smb"]
[[relationships]]
id = "app"
type = "self_service"
segments = ["smb"]
description = "An app"
cost_level = "low"
[[relationships]]
id = "shop"
type = "transactional"
segments = ["smb"]
description = "owner: Ana"
`

func brief(fs []report.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%d:%d %s %s %s %s", f.Line, f.Column, f.Code, f.Rule, f.Severity, f.Path)
	}
	sort.Strings(out)
	return out
}

func TestCustomRuleFindings(t *testing.T) {
	dir := policyDir(t, map[string]string{"house/owner.rego": ownerRule})
	e := newCustom(t, lint.Options{NoBuiltin: true, PolicyDirs: []string{dir}})

	r := e.Lookup("HOUSE900")
	if r == nil || e.Lookup("relationship-without-owner") != r {
		t.Fatalf("custom rule not listed by code and name")
	}
	if r.Name != "relationship-without-owner" || r.Severity != report.Warning || !r.Custom ||
		r.Summary != "A relationship does not say who owns it." || r.Category != "custom" {
		t.Errorf("rule from METADATA = %+v", r)
	}
	if e.Lookup("CR202") != nil {
		t.Errorf("--no-builtin still loads the built-in rules")
	}

	fs, err := e.Check(context.Background(), model.Load("tiny.toml", []byte(tinyModel)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"12:15 HOUSE900 relationship-without-owner info relationships[1].description",
		"5:1 HOUSE900 relationship-without-owner warning relationships[0]",
		"9:1 HOUSE900 relationship-without-owner warning relationships[1]",
	}
	if got := brief(fs); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range fs {
		switch f.Severity {
		case report.Warning:
			if f.Hint != `say who owns it: description = "owner: ..."` || f.Message == "" || f.Source == "" {
				t.Errorf("finding lacks the METADATA hint, message or source line: %+v", f)
			}
		case report.Info:
			if f.Hint != "end it with owner: NAME" {
				t.Errorf("a finding's hint does not override METADATA: %+v", f)
			}
		}
	}
}

// TestCustomRuleWithBuiltins runs a custom rule beside the built-in ones,
// with config severities and inline suppressions naming it.
func TestCustomRuleWithBuiltins(t *testing.T) {
	dir := policyDir(t, map[string]string{"owner.rego": ownerRule})
	e := newCustom(t, lint.Options{PolicyDirs: []string{dir}})
	if e.Lookup("CR202") == nil || e.Lookup("HOUSE900") == nil {
		t.Fatal("built-in and custom rules are not both loaded")
	}
	src := strings.Replace(tinyModel, `id = "desk"`, `id = "desk" # crlint:disable HOUSE900 owned by the desk team`, 1)
	s, err := e.NewSettings(lint.Selection{Rules: map[string]config.RuleSetting{"relationship-without-owner": {Severity: "error"}}})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.CheckWith(context.Background(), model.Load("tiny.toml", []byte(src)), s)
	if err != nil {
		t.Fatal(err)
	}
	var house []string
	builtin := false
	for _, f := range fs {
		if f.Code == "HOUSE900" {
			house = append(house, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Severity))
		} else if strings.HasPrefix(f.Code, "CR") {
			builtin = true
		}
	}
	sort.Strings(house)
	if want := []string{"12:15 error", "9:1 error"}; !slices.Equal(house, want) {
		t.Errorf("HOUSE900 findings after [rules] and crlint:disable = %v, want %v", house, want)
	}
	if !builtin {
		t.Errorf("no built-in finding beside the custom rule")
	}
}

const conftestPolicy = `package main

import rego.v1

deny contains msg if {
	not input.stage
	msg := "the model has no stage"
}

warn_cost_level contains {"msg": sprintf("relationship %q says cost_level = %q", [r.id, r.cost_level]), "path": ["relationships", i, "cost_level"]} if {
	some i, r in input.relationships
	r.cost_level == "low"
}

violation_name contains msg if {
	count(input.name) < 5
	msg := sprintf("CUSTOM-1: name %q is too short", [input.name])
}

# Not results, as in conftest: a boolean and a function.
deny_flag if false

deny_helper(x) := x
`

// conftestV0 is a policy written for conftest before Rego v1, in the same
// package main as conftestPolicy: its deny adds to the same rule.
const conftestV0 = `package main

deny[msg] {
	r := input.relationships[_]
	r.type == "self_service"
	msg := sprintf("relationship %q is self-service", [r.id])
}
`

func TestConftestPolicies(t *testing.T) {
	a := policyDir(t, map[string]string{"policy.rego": conftestPolicy})
	b := policyDir(t, map[string]string{"legacy.rego": conftestV0})
	e := newCustom(t, lint.Options{NoBuiltin: true, PolicyDirs: []string{a, b}})

	var names []string
	for _, r := range e.Rules() {
		if r.Conftest {
			names = append(names, fmt.Sprintf("%s/%s", r.Name, r.Severity))
		}
	}
	if want := []string{"deny/error", "violation_name/error", "warn_cost_level/warning"}; !slices.Equal(names, want) {
		t.Errorf("conftest rules = %v, want %v (once each, no boolean or function)", names, want)
	}

	fs, err := e.Check(context.Background(), model.Load("tiny.toml", []byte(tinyModel)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"13:14 warn_cost_level warn_cost_level warning relationships[1].cost_level",
		"1:1 CUSTOM-1 violation_name error ",
		"1:1 deny deny error ",
		"1:1 deny deny error ",
	}
	if got := brief(fs); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	msgs := map[string]bool{}
	for _, f := range fs {
		msgs[f.Message] = true
	}
	for _, m := range []string{
		"the model has no stage",
		`relationship "app" is self-service`,
		`relationship "app" says cost_level = "low"`,
		`name "Tiny" is too short`, // its code, CUSTOM-1, is the finding's code
	} {
		if !msgs[m] {
			t.Errorf("no finding with message %q in %v", m, msgs)
		}
	}

	// Settings and suppressions name a conftest rule by its name, also when
	// its message carries a code.
	s, err := e.NewSettings(lint.Selection{Rules: map[string]config.RuleSetting{"violation_name": {Severity: "off"}, "deny": {Severity: "info"}}})
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(tinyModel, `cost_level = "low"`, `cost_level = "low" # crlint:disable warn_cost_level`, 1)
	fs, err = e.CheckWith(context.Background(), model.Load("tiny.toml", []byte(src)), s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := brief(fs), []string{"1:1 deny deny info ", "1:1 deny deny info "}; !slices.Equal(got, want) {
		t.Errorf("with settings and suppression:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConftestMalformedResult(t *testing.T) {
	dir := policyDir(t, map[string]string{"p.rego": "package main\n\ndeny contains {\"message\": \"no msg key\"} if true\n"})
	e := newCustom(t, lint.Options{NoBuiltin: true, PolicyDirs: []string{dir}})
	_, err := e.Check(context.Background(), model.Load("m.toml", []byte("name = \"m\"\n")))
	if err == nil || !strings.Contains(err.Error(), "m.toml") || !strings.Contains(err.Error(), "no msg") {
		t.Errorf("a result without msg: err = %v", err)
	}
}

// posLine is one error of a PolicyError: file:line:col: message.
var posLine = regexp.MustCompile(`^(\S+\.rego):(\d+):(\d+): (.+)$`)

// policyLines returns the lines of a PolicyError, failing unless every
// line is positioned.
func policyLines(t *testing.T, err error) []string {
	t.Helper()
	var pe *lint.PolicyError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a PolicyError", err, err)
	}
	if len(pe.Lines) == 0 {
		t.Fatal("PolicyError without lines")
	}
	for _, l := range pe.Lines {
		if !posLine.MatchString(l) || strings.Contains(l, "\n") {
			t.Errorf("not a file:line:col: message line: %q", l)
		}
	}
	return pe.Lines
}

// sandboxCalls calls each removed builtin as a policy would.
var sandboxCalls = map[string]string{
	"http.send":          `http.send({"method": "GET", "url": "https://example.com/"})`,
	"net.lookup_ip_addr": `net.lookup_ip_addr("example.com")`,
	"opa.runtime":        `opa.runtime().env.HOME`,
	"json.match_schema":  `json.match_schema({}, {"$ref": "file:///etc/hostname"})`,
	"json.verify_schema": `json.verify_schema({"$ref": "file:///etc/hostname"})`,
}

func TestSandboxRefusesBuiltins(t *testing.T) {
	for name := range lint.RemovedBuiltins {
		if _, ok := sandboxCalls[name]; !ok {
			t.Errorf("RemovedBuiltins has %s, which this test does not call", name)
		}
	}
	for name, call := range sandboxCalls {
		t.Run(name, func(t *testing.T) {
			if _, ok := lint.RemovedBuiltins[name]; !ok {
				t.Fatalf("%s is not in RemovedBuiltins", name)
			}
			src := "package main\n\ndeny contains msg if {\n\tx := " + call + "\n\tmsg := sprintf(\"%v\", [x])\n}\n"
			dir := policyDir(t, map[string]string{"leak.rego": src})
			_, err := lint.New(context.Background(), lint.Options{PolicyDirs: []string{dir}})
			lines := policyLines(t, err)
			want := fmt.Sprintf("%s:4:", filepath.Join(dir, "leak.rego"))
			if len(lines) != 1 || !strings.HasPrefix(lines[0], want) ||
				!strings.Contains(lines[0], "undefined function "+name) || !strings.Contains(lines[0], "sandbox") {
				t.Errorf("error lines %q, want one line at %s naming %s and the sandbox", lines, want, name)
			}

			// The same call in a Rego test is refused too: crlint test runs
			// a pull request's tests in the same sandbox.
			test := "package leak_test\n\ntest_leak if {\n\tx := " + call + "\n\tx != null\n}\n"
			tdir := policyDir(t, map[string]string{"leak_test.rego": test})
			mods, err := lint.ParseDir(tdir, true)
			if err != nil {
				t.Fatal(err)
			}
			_, err = lint.RunRegoTests(context.Background(), mods, time.Second)
			lines = policyLines(t, err)
			if !strings.Contains(strings.Join(lines, "\n"), "undefined function "+name) {
				t.Errorf("crlint test ran a test calling %s: %q", name, lines)
			}
		})
	}
}

func TestSandboxCapabilities(t *testing.T) {
	caps := lint.SandboxCapabilities()
	for _, b := range caps.Builtins {
		if _, removed := lint.RemovedBuiltins[b.Name]; removed {
			t.Errorf("capabilities still list %s", b.Name)
		}
	}
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %v, want an empty list (no host)", caps.AllowNet)
	}
}

// TestTimeLimit proves a slow policy is stopped at the time limit, both
// inside a builtin (numbers.range) and in the evaluator's own loops.
func TestTimeLimit(t *testing.T) {
	policies := map[string]string{
		"huge range":           "n := count([x | some x in numbers.range(1, 100000000)])",
		"nested comprehension": "n := count({p | some x in numbers.range(1, 20000); some y in numbers.range(1, 20000); p := x * y})",
	}
	for name, body := range policies {
		t.Run(name, func(t *testing.T) {
			src := "package main\n\ndeny contains msg if {\n\t" + body + "\n\tmsg := sprintf(\"%d\", [n])\n}\n"
			dir := policyDir(t, map[string]string{"slow.rego": src})
			e := newCustom(t, lint.Options{NoBuiltin: true, PolicyDirs: []string{dir}, Timeout: 200 * time.Millisecond})
			start := time.Now()
			_, err := e.Check(context.Background(), model.Load("slow.toml", []byte("name = \"slow\"\n")))
			elapsed := time.Since(start)
			if err == nil || !strings.Contains(err.Error(), "slow.toml") || !strings.Contains(err.Error(), "time limit exceeded") {
				t.Errorf("err = %v, want slow.toml and time limit exceeded", err)
			}
			// Generous for -race; without the limit this runs for minutes.
			if elapsed > 5*time.Second {
				t.Errorf("stopped after %s, want about 200ms", elapsed)
			}
		})
	}
}

func TestPolicyCompileErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		lines []string // file:line:col prefixes and a fragment of each message
	}{
		{"parse error", "package main\n\ndeny contains msg if {\n\tmsg := \n}\n", []string{"5:1: unexpected }"}},
		{"two unsafe vars", "package main\n\ndeny contains msg if {\n\tmsg := unknown_a\n}\n\nwarn contains msg if {\n\tmsg := unknown_b\n}\n",
			[]string{"4:2: var unknown_a is unsafe", "8:2: var unknown_b is unsafe"}},
		{"type error", "package main\n\ndeny contains msg if {\n\tmsg := concat(1, 2)\n}\n", []string{"4:9: "}},
		{"METADATA without code", "# METADATA\n# title: no-code\n# custom:\n#   severity: error\npackage crlint.rules.house.x\n\nreport contains {\"path\": [], \"message\": \"m\"} if false\n",
			[]string{"5:1: rule data.crlint.rules.house.x: its METADATA lacks custom.code"}},
		{"bad METADATA severity", "# METADATA\n# title: loud\n# custom:\n#   code: HOUSE1\n#   severity: loud\npackage crlint.rules.house.x\n\nreport contains {\"path\": [], \"message\": \"m\"} if false\n",
			[]string{"6:1: METADATA: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := policyDir(t, map[string]string{"p.rego": tt.src})
			_, err := lint.New(context.Background(), lint.Options{PolicyDirs: []string{dir}})
			lines := policyLines(t, err)
			if len(lines) != len(tt.lines) {
				t.Fatalf("lines %q, want %d", lines, len(tt.lines))
			}
			file := filepath.Join(dir, "p.rego")
			for i, want := range tt.lines {
				if !strings.HasPrefix(lines[i], file+":"+want) {
					t.Errorf("line %q, want %s:%s...", lines[i], file, want)
				}
			}
		})
	}
}

func TestRuleCodeCollision(t *testing.T) {
	rule := func(code, name string) string {
		return fmt.Sprintf("# METADATA\n# title: %s\n# description: d\n# custom:\n#   code: %s\n#   severity: error\npackage crlint.rules.house[%q]\n\nreport contains {\"path\": [], \"message\": \"m\"} if false\n", name, code, name)
	}
	tests := []struct {
		name  string
		dirs  []map[string]string
		noBI  bool
		match string
	}{
		{"built-in code", []map[string]string{{"a.rego": rule("CR202", "mine")}}, false, "rule code CR202 of mine is already used by high-touch-without-costs (a built-in rule)"},
		{"loader code without built-ins", []map[string]string{{"a.rego": rule("CR001", "mine")}}, true, "rule code CR001 of mine is already used by syntax-error"},
		{"two custom rules", []map[string]string{{"a.rego": rule("HOUSE001", "one")}, {"b.rego": rule("HOUSE001", "two")}}, false, "rule code HOUSE001 of two is already used by one ("},
		{"built-in package", []map[string]string{{"a.rego": strings.Replace(rule("HOUSE002", "x"), `house["x"]`, `resourcing["high-touch-without-costs"]`, 1)}}, false,
			`a.rego:7:1: package crlint.rules.resourcing["high-touch-without-costs"] would replace or extend the built-in rule crlint.rules.resourcing["high-touch-without-costs"]`},
		// A custom policy can neither replace, extend nor impersonate a
		// built-in rule or the lib (SPEC §4, trust boundary).
		{"built-in code without built-ins", []map[string]string{{"a.rego": rule("CR202", "mine")}}, true, "a.rego:7:1: rule code CR202 of mine is a built-in rule's code"},
		{"the lib's package", []map[string]string{{"lib/lib.rego": "package crlint.lib\n\nonly_dangling(_, _, _) if true\n"}}, false,
			"lib.rego:1:1: package crlint.lib would replace or extend the built-in lib crlint.lib"},
		{"a package inside the lib", []map[string]string{{"x.rego": "package crlint.lib.more\n\nx := 1\n"}}, false, "x.rego:1:1: package crlint.lib.more would replace or extend the built-in lib"},
		{"a head into a built-in report", []map[string]string{{"x.rego": "package crlint.rules\n\nphases[\"empty-phase\"].report contains {\"path\": [], \"message\": \"m\"} if true\n"}}, false,
			"x.rego:1:1: package crlint.rules is reserved for crlint"},
		{"a category prefix", []map[string]string{{"x.rego": "package crlint.rules.phases\n\nx := 1\n"}}, false, `x.rego:1:1: package crlint.rules.phases would replace or extend the built-in rule crlint.rules.phases["`},
		{"inside a built-in rule", []map[string]string{{"x.rego": "package crlint.rules.phases[\"empty-phase\"].more\n\nx := 1\n"}}, false, "would replace or extend the built-in rule"},
		{"crlint's own namespace", []map[string]string{{"x.rego": "package crlint.main\n\nreport := 1\n"}}, false, "x.rego:1:1: package crlint.main is reserved for crlint"},
		{"a rule head reaching into the lib", []map[string]string{{"x.rego": "package crlint\n\nlib.only_dangling(_, _, _) if true\n"}}, false, "x.rego:1:1: package crlint would replace or extend the built-in lib"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dirs []string
			for _, files := range tt.dirs {
				dirs = append(dirs, policyDir(t, files))
			}
			_, err := lint.New(context.Background(), lint.Options{NoBuiltin: tt.noBI, PolicyDirs: dirs})
			lines := policyLines(t, err)
			if len(lines) != 1 || !strings.Contains(lines[0], tt.match) {
				t.Errorf("error %q, want %q", lines, tt.match)
			}
		})
	}
}

func TestRegoTestsOfCustomPolicies(t *testing.T) {
	dir := policyDir(t, map[string]string{
		"owner.rego": ownerRule,
		"owner_test.rego": `package crlint.rules.house["relationship-without-owner_test"]

import data.crlint.rules.house["relationship-without-owner"] as rule

test_pass_owner_named if {
	rule.report == set() with input as {"relationships": [{"id": "a", "description": "owner: Ana"}]}
}

test_fail_wrong_expectation if {
	rule.report == set() with input as {"relationships": [{"id": "a"}]}
}
`,
	})
	mods, err := lint.ParseDir(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := lint.ParseFS(policies.FS, "lib", false)
	if err != nil {
		t.Fatal(err)
	}
	mods = append(mods, lib...)
	results, err := lint.RunRegoTests(context.Background(), mods, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range results {
		got[r.Name] = r.Pass
		if r.File != filepath.Join(dir, "owner_test.rego") || r.Line == 0 {
			t.Errorf("%s located at %s:%d", r.Name, r.File, r.Line)
		}
	}
	if len(got) != 2 || !got["test_pass_owner_named"] || got["test_fail_wrong_expectation"] {
		t.Errorf("results %v, want one pass and one failure", got)
	}
}

// TestSamePolicyDirTwice loads a directory named twice once, instead of
// reporting its rules as colliding with themselves.
func TestSamePolicyDirTwice(t *testing.T) {
	dir := policyDir(t, map[string]string{"owner.rego": ownerRule, "policy.rego": conftestPolicy})
	e := newCustom(t, lint.Options{NoBuiltin: true, PolicyDirs: []string{dir, dir}})
	n := 0
	for _, r := range e.Rules() {
		if r.Custom {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d custom rules, want 4 (HOUSE900, deny, violation_name, warn_cost_level)", n)
	}
}
