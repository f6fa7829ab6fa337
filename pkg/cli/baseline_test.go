package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// lines returns the lines of out that contain any of subs.
func linesWith(out string, subs ...string) []string {
	var got []string
	for _, l := range strings.Split(out, "\n") {
		for _, s := range subs {
			if strings.Contains(l, s) {
				got = append(got, l)
				break
			}
		}
	}
	return got
}

// TestBaseline: --write-baseline records counts per file and code in
// sorted JSON; --baseline then reports nothing, also after lines move; a
// new finding of a recorded rule reports all of that rule's findings in
// the file; a fixed one leaves a stale entry (CR008, info); an entry for a
// deleted file is stale at the baseline file.
func TestBaseline(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, ".", "a.toml", findingsModel)
	if err := os.MkdirAll("team", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, "team", "b.toml", findingsModel)
	gone := writeFile(t, ".", "gone.toml", findingsModel)

	code, out, stderr := run(t, "", "check", "-f", "compact", "--fail-on", "warning", "--write-baseline", "crlint-baseline.json", ".")
	if code != 0 || out != "" {
		t.Fatalf("--write-baseline: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if !strings.HasPrefix(stderr, "crlint: baseline crlint-baseline.json accepts ") || !strings.HasSuffix(stderr, " in 3 files\n") {
		t.Errorf("--write-baseline: stderr %q", stderr)
	}
	raw, err := os.ReadFile("crlint-baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Version int                       `json:"version"`
		Files   map[string]map[string]int `json:"files"`
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	canonical, _ := json.MarshalIndent(b, "", "  ")
	if string(raw) != string(canonical)+"\n" {
		t.Errorf("baseline is not sorted, indented JSON:\n%s", raw)
	}
	if b.Version != 1 || !slices.Equal(keys(b.Files), []string{"a.toml", "gone.toml", "team/b.toml"}) ||
		b.Files["team/b.toml"]["CR201"] != 1 || b.Files["team/b.toml"]["CR202"] != 1 {
		t.Errorf("baseline %s", raw)
	}

	check := func() (int, []string) {
		t.Helper()
		code, out, stderr := run(t, "", "check", "-f", "compact", "--fail-on", "warning", "--baseline", "crlint-baseline.json", ".")
		if stderr != "" {
			t.Errorf("stderr %q", stderr)
		}
		return code, linesWith(out, "warning:", "error:", "CR008")
	}
	if code, got := check(); code != 0 || len(got) != 0 {
		t.Fatalf("with the baseline: exit %d, %q", code, got)
	}

	// Lines moved: every finding is two lines further down.
	writeFile(t, ".", "a.toml", "# moved\n# down\n"+findingsModel)
	if code, got := check(); code != 0 || len(got) != 0 {
		t.Errorf("lines moved: exit %d, %q", code, got)
	}

	// A new finding of a recorded rule: both of that rule's findings are
	// reported, as nothing tells the new one from the old.
	writeFile(t, ".", "a.toml", findingsModel+`[[relationships]]
id = "desk2"
type = "personal_assistance"
segments = ["smb"]
resources = []
`)
	code, got := check()
	want := []string{
		"a.toml:5:1: warning: relationship \"desk\" (personal_assistance) links no key resource of kind human [CR201 high-touch-without-resources]",
		"a.toml:16:1: warning: relationship \"desk2\" (personal_assistance) has no cost entry [CR202 high-touch-without-costs]",
		"a.toml:19:1: warning: relationship \"desk2\" (personal_assistance) links no key resource of kind human [CR201 high-touch-without-resources]",
		"a.toml:8:1: warning: relationship \"desk\" (personal_assistance) has no cost entry [CR202 high-touch-without-costs]",
	}
	slices.Sort(got)
	slices.Sort(want)
	if code != 1 || !slices.Equal(got, want) {
		t.Errorf("new finding: exit %d,\n%s\nwant\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A fixed finding and a deleted file leave stale entries.
	writeFile(t, ".", "a.toml", strings.Replace(findingsModel, "costs = []", `costs = ["c"]
resources = ["r"]`, 1)+`[[key_resources]]
id = "r"
kind = "human"
[[costs]]
id = "c"
`)
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	code, got = check()
	want = []string{
		"a.toml:1:1: info: the baseline accepts 1 CR201 finding in this file, and 0 remain [CR008 stale-baseline]",
		"a.toml:1:1: info: the baseline accepts 1 CR202 finding in this file, and 0 remain [CR008 stale-baseline]",
		"crlint-baseline.json:" + entryLine(t, raw, "gone.toml") + ":5: info: the baseline has an entry for gone.toml, which no longer exists [CR008 stale-baseline]",
	}
	if code != 0 || !slices.Equal(got, want) {
		t.Errorf("stale: exit %d,\n%s\nwant\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Writing again keeps what is left, and drops the deleted file.
	if code, _, stderr := run(t, "", "check", "--write-baseline", "crlint-baseline.json", "."); code != 0 {
		t.Fatalf("rewrite: exit %d %s", code, stderr)
	}
	raw, _ = os.ReadFile("crlint-baseline.json")
	if strings.Contains(string(raw), "gone.toml") || strings.Count(string(raw), `"CR202"`) != 1 {
		t.Errorf("rewritten baseline:\n%s", raw)
	}
	if code, got := check(); code != 0 || len(got) != 0 {
		t.Errorf("after rewriting: exit %d, %q", code, got)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	m := writeFile(t, dir, "m.toml", findingsModel)
	bad := writeFile(t, dir, "bad.json", `{"version": 1, "files": {"m.toml": {"CR201": 0}}}`)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", filepath.Join(dir, "none.json")}, "none.json: no such file or directory"},
		{[]string{"--baseline", bad}, "count 0, want 1 or more"},
		{[]string{"--baseline", m}, "not a crlint baseline"},
		{[]string{"--write-baseline", m}, "not a crlint baseline"}, // so never overwritten
	} {
		code, _, stderr := run(t, "", append(append([]string{"check"}, tt.args...), m)...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, stderr, tt.want)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// entryLine is the line of the baseline on which file's entry starts.
func entryLine(t *testing.T, raw []byte, file string) string {
	t.Helper()
	for i, l := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), `"`+file+`":`) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no entry for %s in\n%s", file, raw)
	return ""
}

// TestBaselineNeverAcceptsSyntaxErrors: a file that does not parse is
// reported whatever the baseline, also by the run that writes it.
func TestBaselineNeverAcceptsSyntaxErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, ".", "broken.toml", "name = \n")
	code, out, _ := run(t, "", "check", "-f", "compact", "--write-baseline", "b.json", "broken.toml")
	want := "broken.toml:1:8: error: "
	if code != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("--write-baseline: exit %d\n%s", code, out)
	}
	raw, _ := os.ReadFile("b.json")
	if string(raw) != "{\n  \"version\": 1,\n  \"files\": {}\n}\n" {
		t.Errorf("baseline:\n%s", raw)
	}
	if code, out, _ := run(t, "", "check", "-f", "compact", "--baseline", "b.json", "broken.toml"); code != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("--baseline: exit %d\n%s", code, out)
	}
}
