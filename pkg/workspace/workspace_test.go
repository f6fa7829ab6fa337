package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crlint/crlint/pkg/report"
)

const testModel = `name = "M"
[[segments]]
id = "smb"
[[relationships]]
id = "desk"
type = "personal_assistance"
segments = ["smb"]
costs = []
[[get]]
tactic = "Ads"
[[keep]]
tactic = "Calls"
[[grow]]
tactic = "Upsell"
`

func write(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func codes(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Severity < report.Warning {
			continue // the info rules are not what these tests are about
		}
		out = append(out, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.Code, f.Severity))
	}
	return out
}

func TestCheckSourceFindsConfigFromPath(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "strict", ".crlint.toml"), "fail_on = \"warning\"\n[rules]\nCR202 = \"off\"\n")
	ws, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := ws.CheckSource(context.Background(), filepath.Join(dir, "m.toml"), []byte(testModel))
	if err != nil {
		t.Fatal(err)
	}
	strict, err := ws.CheckSource(context.Background(), filepath.Join(dir, "strict", "m.toml"), []byte(testModel))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(codes(plain.Findings)), "[5:1 CR201 warning 8:1 CR202 warning]"; got != want {
		t.Errorf("without config: %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(codes(strict.Findings)), "[5:1 CR201 warning]"; got != want {
		t.Errorf("with config: %s, want %s", got, want)
	}
	if plain.Threshold != report.Error || plain.Failed() || plain.Config != nil {
		t.Errorf("without config: threshold %v, failed %v, config %v", plain.Threshold, plain.Failed(), plain.Config)
	}
	if strict.Threshold != report.Warning || !strict.Failed() || strict.Config == nil {
		t.Errorf("with config: threshold %v, failed %v", strict.Threshold, strict.Failed())
	}
	if strict.Doc == nil || strict.Doc.File != filepath.Join(dir, "strict", "m.toml") {
		t.Errorf("Doc not set to the model")
	}
}

func TestInvalidateRereadsConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := write(t, filepath.Join(dir, ".crlint.toml"), "[rules]\nCR202 = \"off\"\n")
	ws, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := filepath.Join(dir, "m.toml")
	check := func() string {
		r, err := ws.CheckSource(context.Background(), m, []byte(testModel))
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(codes(r.Findings))
	}
	before := check()
	write(t, cfg, "[rules]\nCR201 = \"off\"\n")
	if got := check(); got != before {
		t.Errorf("config re-read without Invalidate: %s", got)
	}
	ws.Invalidate()
	if got, want := check(), "[8:1 CR202 warning]"; got != want {
		t.Errorf("after Invalidate: %s, want %s", got, want)
	}
}

func TestCheckSourceConcurrent(t *testing.T) {
	ws, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() {
			r, err := ws.CheckSource(context.Background(), filepath.Join(dir, fmt.Sprint(i), "m.toml"), []byte(testModel))
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = fmt.Sprint(codes(r.Findings))
		})
		if i == 4 {
			ws.Invalidate()
		}
	}
	wg.Wait()
	for i, g := range got {
		if g != got[0] {
			t.Errorf("model %d: %s, want %s", i, g, got[0])
		}
	}
}

func TestBatchRunsInNameOrderWithEachConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", ".crlint.toml"), "fail_on = \"warning\"\nexclude = [\"drafts\"]\n")
	write(t, filepath.Join(dir, "b", "m.toml"), testModel)
	write(t, filepath.Join(dir, "b", "drafts", "d.toml"), testModel)
	write(t, filepath.Join(dir, "a.toml"), testModel)
	write(t, filepath.Join(dir, "settings.toml"), "answer = 42\n")
	ws, err := New(context.Background(), Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	batch, err := ws.Collect(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var thresholds []report.Severity
	outcome, err := batch.Run(context.Background(), func(r *Result) error {
		names = append(names, r.Name)
		thresholds = append(thresholds, r.Threshold)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.toml"), filepath.Join(dir, "b", "m.toml")}
	if fmt.Sprint(names) != fmt.Sprint(want) || fmt.Sprint(outcome.Checked) != fmt.Sprint(want) {
		t.Errorf("checked %v (outcome %v), want %v", names, outcome.Checked, want)
	}
	if fmt.Sprint(thresholds) != "[error warning]" {
		t.Errorf("thresholds %v", thresholds)
	}
	if !outcome.Failed || len(outcome.Errs) != 0 {
		t.Errorf("failed %v, errs %v", outcome.Failed, outcome.Errs)
	}
}

func TestNewRefusesBadOptions(t *testing.T) {
	for _, o := range []Options{{FailOn: "loud"}, {Jobs: -1}, {Config: "nope.toml"}, {Shard: Shard{Index: 3, Count: 2}}, {Baseline: "nope.json"}} {
		if _, err := New(context.Background(), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

// TestShardSpread: shares are balanced for names that differ only in a few
// characters (FNV's low bits would put a.toml and e.toml together), each
// name is in exactly one share, and absolute and relative names agree.
func TestShardSpread(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, 4)
	for i := range 1000 {
		name := fmt.Sprintf("strategy/%03d/model-%05d.toml", i/100, i)
		in := 0
		for s := 1; s <= 4; s++ {
			sh := Shard{Index: s, Count: 4}
			if sh.holds(name) {
				in++
				counts[s-1]++
			}
			if sh.holds(name) != sh.holds(filepath.Join(wd, filepath.FromSlash(name))) {
				t.Fatalf("%s: relative and absolute names in different shares", name)
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shares", name, in)
		}
	}
	for s, n := range counts {
		if n < 200 || n > 300 {
			t.Errorf("share %d/4 holds %d of 1000 models: %v", s+1, n, counts)
		}
	}
	letters := map[bool]int{}
	for c := 'a'; c <= 'z'; c++ {
		letters[Shard{Index: 1, Count: 2}.holds(string(c)+".toml")]++
	}
	if letters[true] < 6 || letters[false] < 6 {
		t.Errorf("one-letter names split %v between two shares", letters)
	}
}

// TestCheckOpenSkipsExcluded: an open file the config excludes is loaded
// but not linted; other files are checked as by CheckSource.
func TestCheckOpenSkipsExcluded(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".crlint.toml"), "exclude = [\"drafts\"]\n")
	ws, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	draft := filepath.Join(dir, "drafts", "m.toml")
	res, err := ws.CheckOpen(ctx, draft, []byte(testModel))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 || res.Doc == nil || res.Doc.Input == nil || res.Config == nil {
		t.Errorf("excluded: findings %v, doc %v, config %v; want no findings, the loaded model and its config", res.Findings, res.Doc, res.Config)
	}
	if all, err := ws.CheckSource(ctx, draft, []byte(testModel)); err != nil || len(all.Findings) == 0 {
		t.Fatalf("CheckSource of the same file: %v, %v; the comparison proves nothing", all, err)
	}
	kept := filepath.Join(dir, "m.toml")
	open, err := ws.CheckOpen(ctx, kept, []byte(testModel))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(codes(open.Findings)), "[5:1 CR201 warning 8:1 CR202 warning]"; got != want {
		t.Errorf("not excluded: %s, want %s", got, want)
	}
}
