package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
)

var allRulesLine = regexp.MustCompile(`(?m)^# all-rules: (CR\d{3}) (\S+) (\d+):(\d+)\s*$`)

// TestFaithfulModelsHaveNoFindings: models written faithfully from the
// guidance's own case studies (testdata/faithful) give no finding at all
// under the default rules: a careful business-model coach would act on
// none. With every rule turned on, those off by default included, they
// give exactly the findings their "# all-rules:" lines list, which is why
// those rules are off by default.
func TestFaithfulModelsHaveNoFindings(t *testing.T) {
	e := testEngine(t)
	var every []string
	for _, r := range e.Rules() {
		every = append(every, r.Code)
	}
	all, err := e.NewSettings(lint.Selection{ExtendSelect: every})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/faithful/*.toml")
	if len(files) < 4 {
		t.Fatalf("%d faithful models, want at least 4", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fs, err := e.CheckWith(context.Background(), model.Load(file, src), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				t.Errorf("finding on a faithful model: %s %s %d:%d %s", f.Code, f.Path, f.Line, f.Column, f.Message)
			}
			fs, err = e.CheckWith(context.Background(), model.Load(file, src), all)
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s %s %d:%d", f.Code, f.Path, f.Line, f.Column))
			}
			for _, m := range allRulesLine.FindAllStringSubmatch(string(src), -1) {
				want = append(want, fmt.Sprintf("%s %s %s:%s", m[1], m[2], m[3], m[4]))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("with every rule on:\n got: %q\nwant: %q", got, want)
			}
		})
	}
}
