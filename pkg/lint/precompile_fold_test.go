package lint

import (
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestFoldConstants: rules built from constants alone are replaced by their
// values; rules reading input, calling a policy function or a
// nondeterministic builtin, with several definitions, or depending on such
// a rule are left as written.
func TestFoldConstants(t *testing.T) {
	src := `package p

table := {"a": ["x y", "z"], "b": ["w"]}

words := {[k, split(p, " ")] | some k, ps in table; some p in ps}

count_words := count(words)

from_input := input.x

mixed := [from_input, count_words]

now := time.now_ns()

double(x) := x * 2

via_function := double(2)

twice := 1

twice := 1
`
	c := ast.NewCompiler()
	if c.Compile(map[string]*ast.Module{"p.rego": ast.MustParseModuleWithOpts(src, ast.ParserOptions{RegoVersion: ast.RegoV1})}); c.Failed() {
		t.Fatal(c.Errors)
	}
	folded, err := foldConstants(c)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"data.p.table", "data.p.words", "data.p.count_words"}
	if !slices.Equal(folded, want) {
		t.Errorf("folded %v, want %v", folded, want)
	}
	for _, r := range c.Modules["p.rego"].Rules {
		if r.Head.Name == "count_words" {
			if r.Head.Value.String() != "3" || len(r.Body) != 1 || r.Body[0].String() != "true" {
				t.Errorf("count_words folded to %v if %v", r.Head.Value, r.Body)
			}
		}
	}
}
