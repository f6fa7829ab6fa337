package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// git runs git in the working directory, failing the test on error.
func git(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// checkedFiles runs check with args and returns the files it checked, from
// the JSON report's findings and the compact lines.
func checkedFiles(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, stderr := run(t, "", append([]string{"check", "-f", "compact", "--fail-on", "none"}, args...)...)
	if code != 0 {
		t.Fatalf("check %v: exit %d, stderr %q", args, code, stderr)
	}
	var files []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if f, _, ok := strings.Cut(l, ":"); ok && !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	return files
}

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestChangedSince in a git repository: a committed change, a staged new
// file, an unstaged edit, an untracked new model, and every model under a
// directory whose .crlint.toml changed are checked; the rest is not.
func TestChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	t.Chdir(t.TempDir())
	git(t, "init", "-q", "-b", "main")
	mkdirs(t, "s/team", "s/other", "s/cfg/deep")
	for _, f := range []string{"s/committed.toml", "s/staged.toml", "s/unstaged.toml", "s/same.toml", "s/team/same.toml", "s/cfg/deep/m.toml", "s/other/same.toml"} {
		writeFile(t, ".", f, findingsModel)
	}
	writeFile(t, ".", "s/cfg/.crlint.toml", "fail_on = \"error\"\n")
	git(t, "add", "-A")
	git(t, "commit", "-q", "-m", "base")
	git(t, "tag", "base")

	writeFile(t, ".", "s/committed.toml", findingsModel+"# edited\n")
	git(t, "commit", "-q", "-am", "edit")
	writeFile(t, ".", "s/staged.toml", findingsModel+"# staged\n")
	writeFile(t, ".", "s/new-staged.toml", findingsModel)
	git(t, "add", "s/staged.toml", "s/new-staged.toml")
	writeFile(t, ".", "s/unstaged.toml", findingsModel+"# unstaged\n")
	writeFile(t, ".", "s/untracked.toml", findingsModel)
	writeFile(t, ".", "s/cfg/.crlint.toml", "fail_on = \"warning\"\n")

	got := checkedFiles(t, "--changed-since", "base", "s")
	want := []string{"s/cfg/deep/m.toml", "s/committed.toml", "s/new-staged.toml", "s/staged.toml", "s/unstaged.toml", "s/untracked.toml"}
	if !slices.Equal(got, want) {
		t.Errorf("--changed-since base: %q, want %q", got, want)
	}
	// Since HEAD the committed edit is no change any more; a named file
	// that did not change is not checked either.
	got = checkedFiles(t, "--changed-since", "HEAD", "s", "s/same.toml")
	want = []string{"s/cfg/deep/m.toml", "s/new-staged.toml", "s/staged.toml", "s/unstaged.toml", "s/untracked.toml"}
	if !slices.Equal(got, want) {
		t.Errorf("--changed-since HEAD: %q, want %q", got, want)
	}
	// Nothing changed under s/other: no finding, exit 0, not "no models".
	code, out, stderr := run(t, "", "check", "-f", "compact", "--changed-since", "HEAD", "s/other")
	if code != 0 || out != "" || stderr != "" {
		t.Errorf("no change: exit %d, %q, %q", code, out, stderr)
	}

	code, _, stderr = run(t, "", "check", "--changed-since", "no-such-rev", "s")
	if code != 2 || stderr != "crlint: --changed-since: \"no-such-rev\" is not a commit git knows (fetch it, e.g. git fetch --depth=1 origin main)\n" {
		t.Errorf("unknown rev: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "", "check", "--changed-since", "--output=leak.txt", "s")
	if _, err := os.Stat("leak.txt"); code != 2 || err == nil || !strings.Contains(stderr, "is not a commit git knows") {
		t.Errorf("a REV that looks like an option: exit %d, %q (leak.txt: %v)", code, stderr, err)
	}
	t.Setenv("PATH", t.TempDir())
	code, _, stderr = run(t, "", "check", "--changed-since", "base", "s")
	if code != 2 || stderr != "crlint: --changed-since: git is not installed or not on PATH\n" {
		t.Errorf("no git: exit %d, %q", code, stderr)
	}
}

func TestChangedSinceOutsideRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	t.Chdir(t.TempDir())
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(mustGetwd(t)))
	writeFile(t, ".", "m.toml", findingsModel)
	code, _, stderr := run(t, "", "check", "--changed-since", "HEAD", "m.toml")
	if code != 2 || !strings.HasPrefix(stderr, "crlint: --changed-since: not in a git work tree: ") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// TestShard: the shares of N runs are disjoint, together hold every model
// once, are the same run after run, and do not depend on how the path was
// written.
func TestShard(t *testing.T) {
	t.Chdir(t.TempDir())
	mkdirs(t, "s/a", "s/b")
	var all []string
	for i := range 12 {
		f := filepath.ToSlash(filepath.Join("s", string(rune('a'+i%2)), "m"+string(rune('a'+i))+".toml"))
		writeFile(t, ".", f, findingsModel)
		all = append(all, f)
	}
	slices.Sort(all)
	var union []string
	for i := 1; i <= 3; i++ {
		share := checkedFiles(t, "--shard", string(rune('0'+i))+"/3", "s")
		if again := checkedFiles(t, "--shard", string(rune('0'+i))+"/3", "s"); !slices.Equal(share, again) {
			t.Errorf("shard %d/3 differs between runs: %q, %q", i, share, again)
		}
		abs := checkedFiles(t, "--shard", string(rune('0'+i))+"/3", filepath.Join(mustGetwd(t), "s"))
		for j := range abs {
			abs[j] = strings.TrimPrefix(abs[j], filepath.ToSlash(mustGetwd(t))+"/")
		}
		if !slices.Equal(share, abs) {
			t.Errorf("shard %d/3: relative %q, absolute %q", i, share, abs)
		}
		if len(share) == 0 || len(share) == len(all) {
			t.Errorf("shard %d/3 holds %d of %d models", i, len(share), len(all))
		}
		union = append(union, share...)
	}
	slices.Sort(union)
	if !slices.Equal(union, all) {
		t.Errorf("shards together: %q, want each of %q once", union, all)
	}
	for _, bad := range []string{"0/3", "4/3", "1", "a/b", "1/0"} {
		code, _, stderr := run(t, "", "check", "--shard", bad, "s")
		if code != 2 || !strings.HasPrefix(stderr, "crlint: --shard: ") {
			t.Errorf("--shard %s: exit %d, %q", bad, code, stderr)
		}
	}
}

// TestForceExclude: a named file that exclude matches, or that is no
// model, is skipped with --force-exclude and checked without it.
func TestForceExclude(t *testing.T) {
	t.Chdir(t.TempDir())
	mkdirs(t, "strategy/drafts/deep")
	writeFile(t, ".", "strategy/.crlint.toml", "exclude = [\"drafts/**\"]\n")
	writeFile(t, ".", "strategy/drafts/x.toml", findingsModel)
	writeFile(t, ".", "strategy/drafts/deep/y.toml", findingsModel)
	writeFile(t, ".", "strategy/settings.toml", "[server]\nport = 8080\n")
	writeFile(t, ".", "strategy/m.toml", findingsModel)
	named := []string{"strategy/drafts/x.toml", "strategy/drafts/deep/y.toml", "strategy/settings.toml", "strategy/m.toml"}

	if got := checkedFiles(t, append([]string{"--force-exclude"}, named...)...); !slices.Equal(got, []string{"strategy/m.toml"}) {
		t.Errorf("--force-exclude: checked %q", got)
	}
	code, out, stderr := run(t, "", "check", "-f", "json", "--force-exclude", "strategy/drafts/x.toml", "strategy/settings.toml")
	if code != 0 || stderr != "" || !strings.Contains(out, `"files": 0,`) {
		t.Errorf("--force-exclude, nothing left: exit %d, %q, %q", code, out, stderr)
	}
	code, out, _ = run(t, "", append([]string{"check", "-f", "compact"}, named...)...)
	if code != 1 || !strings.Contains(out, "strategy/drafts/x.toml:") || !strings.Contains(out, "strategy/settings.toml:1:1: error: ") {
		t.Errorf("without --force-exclude named files are checked: exit %d\n%s", code, out)
	}
	// A walked directory honours exclude either way.
	if got := checkedFiles(t, "strategy"); !slices.Equal(got, []string{"strategy/m.toml"}) {
		t.Errorf("walk: checked %q", got)
	}
}

func TestStatistics(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.toml", findingsModel)
	b := writeFile(t, dir, "b.toml", findingsModel+"[[segments]]\nid = \"lone\"\n")
	code, out, stderr := run(t, "", "check", "--statistics", "--disable", "CR209,CR210,CR302,CR303,CR401", "--fail-on", "warning", a, b)
	want := "2  CR201  high-touch-without-resources\n2  CR202  high-touch-without-costs\n1  CR102  segment-without-relationship\n"
	if code != 1 || out != want || stderr != "" {
		t.Errorf("--statistics: exit %d, stderr %q,\n%s\nwant\n%s", code, stderr, out, want)
	}
	_, out, _ = run(t, "", "check", "--statistics", "-f", "json", "--disable", "CR209,CR210,CR302,CR303,CR401", b)
	wantJSON := `[
  {
    "code": "CR102",
    "rule": "segment-without-relationship",
    "count": 1
  },
  {
    "code": "CR201",
    "rule": "high-touch-without-resources",
    "count": 1
  },
  {
    "code": "CR202",
    "rule": "high-touch-without-costs",
    "count": 1
  }
]
`
	if out != wantJSON {
		t.Errorf("--statistics -f json:\n%s", out)
	}
	code, _, stderr = run(t, "", "check", "--statistics", "-f", "sarif", a)
	if code != 2 || !strings.Contains(stderr, "--statistics replaces a text or json report") {
		t.Errorf("--statistics -f sarif: exit %d, %q", code, stderr)
	}
}

// TestSeveralOutputs: -f FORMAT:FILE writes a report to a file besides the
// one on stdout, from one run.
func TestSeveralOutputs(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, ".", "m.toml", findingsModel)
	code, out, stderr := run(t, "", "check", "-f", "compact", "-f", "sarif:report.sarif", "-f", "junit:report.xml", "--fail-on", "warning", "m.toml")
	if code != 1 || stderr != "" || !strings.HasPrefix(out, "m.toml:1:1: info: ") {
		t.Fatalf("exit %d, stderr %q\n%s", code, stderr, out)
	}
	sarif, err := os.ReadFile("report.sarif")
	if err != nil || !strings.Contains(string(sarif), `"uri": "m.toml"`) || !strings.Contains(string(sarif), `"ruleId": "CR202"`) {
		t.Errorf("report.sarif (%v):\n%.300s", err, sarif)
	}
	junit, err := os.ReadFile("report.xml")
	if err != nil || !strings.Contains(string(junit), `<testsuite name="m.toml"`) {
		t.Errorf("report.xml (%v):\n%.300s", err, junit)
	}
	for _, args := range [][]string{{"-f", "json", "-f", "sarif"}, {"-f", "json:r.json", "-f", "sarif:./r.json"}, {"-f", "xml:r.xml"}} {
		code, _, stderr := run(t, "", append(append([]string{"check"}, args...), "m.toml")...)
		if code != 2 || !strings.HasPrefix(stderr, "crlint: --format: ") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

// TestStdinFilenameReadsStdin: --stdin-filename without "-" reads stdin, as
// ruff does, instead of linting the working directory.
func TestStdinFilenameReadsStdin(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, stderr := run(t, findingsModel, "check", "--stdin-filename", "team/m.toml", "-f", "compact", "--fail-on", "warning")
	if code != 1 || stderr != "" || !strings.Contains(out, "team/m.toml:5:1: warning: relationship \"desk\"") {
		t.Errorf("exit %d, stderr %q\n%s", code, stderr, out)
	}
}
