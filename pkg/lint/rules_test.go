package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
)

var (
	engineOnce sync.Once
	engine     *lint.Engine
	engineErr  error
)

// testEngine compiles the built-in rules once for the package's tests.
func testEngine(t testing.TB) *lint.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = lint.New(context.Background(), lint.Options{}) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine
}

var wantLine = regexp.MustCompile(`(?m)^# want: (CR\d{3}) (\S*) (\d+):(\d+)\s*$`)

// TestRuleFixtures checks every fixture under testdata/rules: each declares
// the findings its rule must give, in lines of the form
//
//	# want: CR202 relationships[0].costs 31:1
//
// (code, key path, line:column). The findings of that code must be exactly
// those; a fixture with no want line expects none. The code is the first
// word of the file name (CR202-dedicated.toml).
func TestRuleFixtures(t *testing.T) {
	e := testEngine(t)
	files, err := filepath.Glob("testdata/rules/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			code := strings.SplitN(filepath.Base(file), "-", 2)[0]
			var want []string
			for _, m := range wantLine.FindAllStringSubmatch(string(src), -1) {
				if m[1] != code {
					t.Fatalf("fixture for %s wants %s", code, m[1])
				}
				want = append(want, fmt.Sprintf("%s %s %s:%s", m[1], m[2], m[3], m[4]))
			}
			// The fixture's rule runs even when it is off by default.
			on, err := e.NewSettings(lint.Selection{ExtendSelect: []string{code}})
			if err != nil {
				t.Fatal(err)
			}
			fs, err := e.CheckWith(context.Background(), model.Load(file, src), on)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				if f.Code == code {
					got = append(got, fmt.Sprintf("%s %s %d:%d", f.Code, f.Path, f.Line, f.Column))
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("findings of %s:\n got: %q\nwant: %q", code, got, want)
			}
		})
	}
}

// TestSpecExampleIsClean: the SPEC's example model gives no finding at all.
func TestSpecExampleIsClean(t *testing.T) {
	src, err := os.ReadFile("../../examples/northbank.toml")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := testEngine(t).Check(context.Background(), model.Load("northbank.toml", src))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("unexpected finding %s %s %d:%d %s", f.Code, f.Path, f.Line, f.Column, f.Message)
	}
}

// TestInputValueMatchesInterfaceToValue: the direct conversion of a model
// gives the same Rego value as OPA's own.
func TestInputValueMatchesInterfaceToValue(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.toml")
	files = append(files, "testdata/rules/CR103-after-invalid.toml")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := model.Load(f, src).Input
		want, err := ast.InterfaceToValue(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := lint.InputValue(in)
		if err != nil {
			t.Fatal(err)
		}
		if got.Compare(want) != 0 {
			t.Errorf("%s: direct conversion differs:\n%v\n%v", f, got, want)
		}
	}
}

// TestInvalidValuesAreNotMissing: a field whose written value failed CR003
// is reported by CR003 alone; rules about a missing or empty field, and
// rules that depend on its value, skip it (SPEC §2: "skipped by the rules
// that depend on it"). Entries of a block that are not tables are no items.
func TestInvalidValuesAreNotMissing(t *testing.T) {
	src := `name = "x"
[summary]
relationships = 5
[[segments]]
id = "a"
evidence = [3]
expects = ["community"]
[[value_propositions]]
id = "vp"
[[channels]]
id = "web"
[[relationships]]
id = "r"
type = "transactional"
segments = [5]
motivations = ["loyalty"]
channels = ["web"]
value_propositions = ["vp"]
[[relationships]]
id = "p"
type = "personal_assistance"
segments = ["a"]
motivations = ["retention"]
costs = [1]
resources = [2]
channels = ["web"]
value_propositions = ["vp"]
[[competitors]]
name = "Rival"
relationships = ["transactional", "personal_assistance", "fanz"]
[[get]]
tactic = "t"
relationships = ["r"]
[[keep]]
tactic = "k"
relationships = ["p"]
[[grow]]
tactic = "g"
relationships = ["p"]
`
	fs, err := testEngine(t).Check(context.Background(), model.Load("m.toml", []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s %s", f.Code, f.Path))
	}
	slices.Sort(got)
	want := []string{
		"CR003 competitors[0].relationships[2]",
		"CR003 relationships[0].motivations[0]",
		"CR003 relationships[0].segments[0]",
		"CR003 relationships[1].costs[0]",
		"CR003 relationships[1].resources[0]",
		"CR003 segments[0].evidence[0]",
		"CR003 summary.relationships",
		"CR103 segments[0].expects[0]", // nothing serving "a" is community
		// v2: the competitor is judged on its valid entries, which match.
		"CR404 competitors[0].relationships",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}

	fs, err = testEngine(t).Check(context.Background(), model.Load("m.toml", []byte("name = \"x\"\nrelationships = [1, {id = \"r\", type = \"fans\"}]\n")))
	if err != nil {
		t.Fatal(err)
	}
	items := 0
	for _, f := range fs {
		switch {
		case strings.HasPrefix(f.Path, "relationships[0]"):
			if f.Code != "CR003" || f.Line != 2 || f.Column != 18 {
				t.Errorf("a non-table entry was treated as an item: %s %s %d:%d %q", f.Code, f.Path, f.Line, f.Column, f.Message)
			}
		case strings.HasPrefix(f.Path, "relationships[1]"):
			items++
			if f.Line != 2 || f.Column != 22 || !strings.Contains(f.Message, `relationship "r"`) {
				t.Errorf("the item after it is misplaced: %s %s %d:%d %q", f.Code, f.Path, f.Line, f.Column, f.Message)
			}
		}
	}
	if items == 0 {
		t.Error("no finding for the relationship after the non-table entry")
	}
}
