package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
)

func TestParseSuppression(t *testing.T) {
	tests := []struct {
		text  string
		ok    bool
		file  bool
		codes []string
		why   string
	}{
		{" crlint:disable CR102 pilot segment", true, false, []string{"CR102"}, "pilot segment"},
		{"crlint:disable CR102,high-touch-without-costs   reason here ", true, false, []string{"CR102", "high-touch-without-costs"}, "reason here"},
		{" crlint:disable-file CR401", true, true, []string{"CR401"}, ""},
		{" crlint:disable", true, false, nil, ""},
		{" crlint:disabled CR102", false, false, nil, ""},
		{" just a comment", false, false, nil, ""},
	}
	for _, tt := range tests {
		s, ok := lint.ParseSuppression(tt.text)
		if ok != tt.ok || s.File != tt.file || !slices.Equal(s.Codes, tt.codes) || s.Reason != tt.why {
			t.Errorf("ParseSuppression(%q) = %+v, %v", tt.text, s, ok)
		}
	}
}

// TestSuppressions: a trailing directive covers its line, one alone on a
// line covers the next, disable-file covers the file, and a directive that
// covers nothing is CR007 at the comment.
func TestSuppressions(t *testing.T) {
	src := `name = "Suppressed" # crlint:disable-file CR301,summary-missing
[[segments]]
id = "smb"
[[relationships]]
# crlint:disable CR201 the bankers are contractors
id = "banker" # crlint:disable CR101
type = "dedicated_personal_assistance"
costs = [] # crlint:disable high-touch-without-costs budget pending
motivations = ["retention"] # crlint:disable CR209,CR999
`
	doc := model.Load("s.toml", []byte(src))
	fs, err := testEngine(t).CheckWith(context.Background(), doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s %d:%d %s", f.Code, f.Line, f.Column, f.Message))
	}
	slices.Sort(got)
	want := []string{
		"CR007 9:29 suppression of CR209 relationship-without-value-proposition suppresses nothing",
		"CR007 9:29 suppression of CR999: no such rule",
		"CR102 3:1 segment \"smb\" is served by no relationship",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestWalkGoesOnAfterAnUnreadableDirectory: a directory that cannot be
// listed is reported and the rest of the tree is still walked.
func TestWalkGoesOnAfterAnUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any directory")
	}
	root := t.TempDir()
	for _, d := range []string{"a-locked", "b-open"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "b-open", "m.toml"), []byte("[[relationships]]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, "a-locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(root, "a-locked"), 0o755)
	found, errs := lint.Discover([]string{root})
	if len(found) != 1 || len(errs) != 1 {
		t.Errorf("found %v, errors %v: want the open model and one error", found, errs)
	}
}
