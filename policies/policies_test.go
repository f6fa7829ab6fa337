package policies_test

import (
	"context"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/policies"
)

// TestRego runs every _test.rego beside the rules and the lib.
func TestRego(t *testing.T) {
	mods, err := lint.ParseFS(policies.FS, ".", true)
	if err != nil {
		t.Fatal(err)
	}
	results, err := lint.RunRegoTests(context.Background(), mods, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found")
	}
	for _, r := range results {
		t.Run(r.Package+"."+r.Name, func(t *testing.T) {
			if r.Err != nil {
				t.Fatalf("%s:%d: %v", r.File, r.Line, r.Err)
			}
			if !r.Pass && !r.Skip {
				t.Fatalf("%s:%d: %s failed", r.File, r.Line, r.Name)
			}
		})
	}
}
