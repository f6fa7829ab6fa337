package lint_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/lint"
)

// TestRunRegoTestsSemantics: crlint test follows `opa test`: a test passes
// when its rule is defined and exactly true; false, undefined and other
// values fail; todo_test_ is skipped; a builtin error and a time-out are
// errors; a second definition of a name runs on its own as name#01; a test
// with cases is refused with its position.
func TestRunRegoTestsSemantics(t *testing.T) {
	src := `package edge_test

test_ok if true

test_false if false

test_undefined if input.nothing == 1

test_number := 5

todo_test_later if false

test_builtin_error if {
	x := to_number("abc")
	x > 1
}

test_dup if false

test_dup if true

test_cases[note] if {
	some note in ["a", "b"]
}

test_slow if {
	count([x | some x in numbers.range(1, 100000000)]) > 0
}
`
	dir := policyDir(t, map[string]string{"edge_test.rego": src})
	mods, err := lint.ParseDir(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	results, err := lint.RunRegoTests(context.Background(), mods, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "edge_test.rego")
	var got []string
	for _, r := range results {
		status := "PASS"
		switch {
		case r.Err != nil:
			status = "ERROR " + r.Err.Error()
		case r.Skip:
			status = "SKIP"
		case !r.Pass:
			status = "FAIL"
		}
		if r.File != file {
			t.Errorf("%s located in %s", r.Name, r.File)
		}
		got = append(got, fmt.Sprintf("%d %s %s", r.Line, r.Name, status))
	}
	want := []string{
		"3 test_ok PASS",
		"5 test_false FAIL",
		"7 test_undefined FAIL",
		"9 test_number FAIL",
		"11 todo_test_later SKIP",
		"13 test_builtin_error ERROR " + file + ":14: eval_builtin_error: to_number: strconv.ParseFloat: parsing \"abc\": invalid syntax",
		"18 test_dup FAIL",
		"20 test_dup#01 PASS",
		"22 test_cases ERROR " + file + ":22: a test with cases (test_cases[...]) is not supported; write one test rule per case",
		"26 test_slow ERROR time limit exceeded: the test took longer than 200ms",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
