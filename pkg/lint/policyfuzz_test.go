package lint

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/crlint/crlint/policies"
)

// policyLine is the form of every line of a policy error.
var policyLine = regexp.MustCompile(`^p\.rego:[1-9][0-9]*:[1-9][0-9]*: [^\n]+$|^[^\n]+$`)

// FuzzPolicyLoad feeds arbitrary Rego text to the policy loader the policy
// worker runs (parse, the guard, the rules' METADATA, compile): it never
// panics; an error is a *PolicyError of one-line, positioned lines, or a
// one-line error; a policy that loads never owns a package of crlint's.
//
//	go test ./pkg/lint -run '^$' -fuzz '^FuzzPolicyLoad$' -fuzztime 1m -parallel 1
func FuzzPolicyLoad(f *testing.F) {
	for _, s := range []string{
		"package main\n\ndeny contains \"x\" if true\n",
		"package crlint.lib\n\nonly_dangling(_, _, _) if true\n",
		"package crlint.rules\n\nphases[\"empty-phase\"].report contains {\"path\": [], \"message\": \"m\"} if true\n",
		"package crlint\n\nlib.x := 1\n",
		"package main\n\ndeny[msg] {\n\tmsg := \"v0\"\n}\n",
		"package main\n\ndeny contains msg if {\n\tmsg := sprintf(\"%v\", [bits.lsh(1, 64)])\n}\n",
		"package main\nx := " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n",
		"package main\nx := \"\x1b[2J\"\n",
	} {
		f.Add(s)
	}
	_ = fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego") {
			if src, err := fs.ReadFile(policies.FS, p); err == nil {
				f.Add(string(src))
			}
		}
		return nil
	})
	for _, g := range []string{"../cli/testdata/custom/*/*.rego", "../../examples/policies/*/*/*.rego"} {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(string(src))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := newIsolatedEngine(workerLoad{Files: []PolicyFile{{Name: "p.rego", Src: src}}, Dirs: []string{"."}})
		if err != nil {
			var pe *PolicyError
			if errors.As(err, &pe) {
				for _, l := range pe.Lines {
					if !policyLine.MatchString(l) {
						t.Fatalf("policy error line %q is not one positioned line", l)
					}
				}
				return
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q is not one line", err)
			}
			return
		}
		g := newGuard()
		for _, r := range e.queryRules {
			if strings.HasPrefix(r.Package, "data.crlint.") && g.reserved(mustRef(t, r.Package)) != "" {
				t.Fatalf("a loaded policy owns crlint's package %s", r.Package)
			}
			if g.codes[r.Code] {
				t.Fatalf("a loaded policy has the built-in code %s", r.Code)
			}
		}
	})
}

func mustRef(t *testing.T, s string) ast.Ref {
	t.Helper()
	r, err := ast.ParseRef(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
