package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	policiesFS "github.com/crlint/crlint/policies"
)

// The bad-input suite for the trust boundary (SPEC §4): a hostile
// repository cannot crash or stall crlint, nor make it print a secret.
// Every link, FIFO and device is built in a temp dir by the test itself.

// secret is what must never reach stdout or stderr.
const secret = "hunter2-CI-SECRET"

// repoDir makes a repository (a directory with .git) in a temp dir and
// makes it the working directory; outside is a directory beside it holding
// a secret file.
func repoDir(t *testing.T) (repo, secretFile string) {
	t.Helper()
	base := t.TempDir()
	repo = filepath.Join(base, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	secretFile = put(t, filepath.Join(base, "outside"), "secret.txt", "TOKEN=\""+secret+"\"\n[[segments]]\nname = \""+secret+"\"\n")
	t.Chdir(repo)
	return repo, secretFile
}

// put writes a file, making its directory.
func put(t *testing.T, dir, name, content string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, content)
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
}

// noSecret fails when the secret shows in any output.
func noSecret(t *testing.T, outputs ...string) {
	t.Helper()
	for _, o := range outputs {
		if strings.Contains(o, secret) || strings.Contains(o, "hunter") {
			t.Fatalf("output quotes the secret:\n%s", o)
		}
	}
}

// TestTrustBoundaryFiles: a link leading out of the repository, a
// non-regular file or a binary file never has its bytes printed, for
// models (named or walked), configs (found or -c) and policy files.
func TestTrustBoundaryFiles(t *testing.T) {
	good := "name = \"Good\"\n[[segments]]\nid = \"s\"\n[[relationships]]\nid = \"r\"\ntype = \"direct\"\nsegments = [\"nope\"]\n"
	tests := []struct {
		name   string
		setup  func(t *testing.T, repo, secretFile string) []string
		code   int
		stderr string // the whole of stderr, one line
		stdout string // a line stdout must hold
	}{
		{"model named on the command line", func(t *testing.T, repo, s string) []string {
			symlink(t, s, "m.toml")
			return []string{"m.toml"}
		}, 2, "crlint: m.toml: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"model in a linked directory", func(t *testing.T, repo, s string) []string {
			symlink(t, filepath.Dir(s), "models")
			return []string{"models/secret.txt"}
		}, 2, "crlint: models/secret.txt: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"walked model among good ones", func(t *testing.T, repo, s string) []string {
			put(t, "models", "good.toml", good)
			symlink(t, s, "models/leak.toml")
			return []string{"models"}
		}, 2, "crlint: models/leak.toml: symbolic link leads outside the repository; refused (REPO)\n", "models/good.toml:7:13: error:"},
		{"link to a device", func(t *testing.T, repo, s string) []string {
			symlink(t, "/dev/zero", "zero.toml")
			return []string{"zero.toml"}
		}, 2, "crlint: zero.toml: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"link within the repository to a FIFO", func(t *testing.T, repo, s string) []string {
			mkfifo(t, "pipes/p")
			symlink(t, "pipes/p", "p.toml")
			return []string{"p.toml"}
		}, 2, "crlint: p.toml: not a regular file\n", ""},
		{"link within the repository to a model is checked", func(t *testing.T, repo, s string) []string {
			put(t, "real", "m.toml", good)
			symlink(t, "real/m.toml", "m.toml")
			return []string{"m.toml"}
		}, 1, "", "m.toml:7:13: error:"},
		{"config found by the upward walk", func(t *testing.T, repo, s string) []string {
			put(t, "team", "m.toml", good)
			symlink(t, s, ".crlint.toml")
			return []string{"team/m.toml"}
		}, 2, "crlint: config REPO/.crlint.toml: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"config named with -c", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			symlink(t, s, "ci.toml")
			return []string{"-c", "ci.toml", "m.toml"}
		}, 2, "crlint: config ci.toml: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"config that is a FIFO", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			mkfifo(t, ".crlint.toml")
			return []string{"m.toml"}
		}, 2, "crlint: config REPO/.crlint.toml: not a regular file\n", ""},
		{"config error never quotes the config", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			writeFile(t, ".", ".crlint.toml", "fail_on = hunter2\n")
			return []string{"m.toml"}
		}, 2, "crlint: REPO/.crlint.toml:1:11: expected value but found … instead\n", ""},
		{"binary config", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			writeFile(t, ".", ".crlint.toml", "x = \""+secret+"\"\x00\n")
			return []string{"m.toml"}
		}, 2, "crlint: REPO/.crlint.toml: not a TOML config: the file is binary (NUL bytes or invalid UTF-8)\n", ""},
		{"config nested too deep", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			writeFile(t, ".", ".crlint.toml", "exclude = "+strings.Repeat("[", 100000)+"\n")
			return []string{"m.toml"}
		}, 2, "crlint: REPO/.crlint.toml:1:43: nested deeper than 32 levels (arrays, inline tables, table headers and dotted keys each count one)\n", ""},
		{"config over the size cap", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			writeFile(t, ".", ".crlint.toml", "# "+strings.Repeat("x", 1<<20)+"\n")
			return []string{"m.toml"}
		}, 2, "crlint: config REPO/.crlint.toml: file is 1048579 bytes, over the 1048576-byte limit for a config\n", ""},
		{"policy file linked outside", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			put(t, "pol", "a.rego", "package main\n")
			symlink(t, s, "pol/z.rego")
			return []string{"-p", "pol", "m.toml"}
		}, 2, "crlint: pol/z.rego: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"policy file linked to /dev/zero", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			symlink(t, "/dev/zero", "pol/z.rego")
			return []string{"-p", "pol", "m.toml"}
		}, 2, "crlint: pol/z.rego: symbolic link leads outside the repository; refused (REPO)\n", ""},
		{"policy file that is a FIFO", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			mkfifo(t, "pol/f.rego")
			return []string{"-p", "pol", "m.toml"}
		}, 2, "crlint: pol/f.rego: not a regular file\n", ""},
		{"policy file over the size cap", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			put(t, "pol", "big.rego", "package main\n# "+strings.Repeat("x", 1<<20)+"\n")
			return []string{"-p", "pol", "m.toml"}
		}, 2, "crlint: pol/big.rego: file is 1048592 bytes, over the 1048576-byte limit for a policy file\n", ""},
		{"config naming a policy directory outside", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			writeFile(t, ".", ".crlint.toml", "policies = [\"/\"]\n")
			return []string{"m.toml"}
		}, 2, "crlint: REPO/.crlint.toml: policies: / lies outside the repository (REPO)\n", ""},
		{"policy directory linked outside", func(t *testing.T, repo, s string) []string {
			writeFile(t, ".", "m.toml", good)
			symlink(t, filepath.Dir(s), "pol")
			return []string{"-p", "pol", "m.toml"}
		}, 2, "crlint: pol: symbolic link leads outside the repository; refused (REPO)\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo, s := repoDir(t)
			args := append([]string{"check", "--color", "never", "-f", "compact"}, tt.setup(t, repo, s)...)
			code, stdout, stderr, _ := runBounded(t, "", args...)
			noSecret(t, stdout, stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if want := strings.ReplaceAll(tt.stderr, "REPO", repo); stderr != want {
				t.Errorf("stderr\n%q\nwant\n%q", stderr, want)
			}
			if tt.stdout != "" && !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
		})
	}
}

// TestBinaryModelNeverQuoted: a CR001 for a binary file quotes none of its
// bytes, in any format.
func TestBinaryModelNeverQuoted(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"nul.toml":    "name = \"" + secret + "\"\x00\n",
		"latin1.toml": "name = \"" + secret + "\xe9\"\n",
	} {
		p := writeFile(t, dir, name, src)
		for _, format := range []string{"text", "compact", "json", "sarif", "github", "junit"} {
			code, stdout, stderr, _ := runBounded(t, "", "check", "--color", "never", "-f", format, p)
			if code != ExitFindings || !strings.Contains(stdout, "CR001") {
				t.Fatalf("%s %s: exit %d, stdout %s", name, format, code, stdout)
			}
			noSecret(t, stdout, stderr)
		}
	}
}

// timeBomb is a conftest policy that runs a builtin OPA cannot interrupt,
// for a model named "Boom" only, so that the other models are checked.
func timeBomb(expr string) string {
	return "package main\n\ndeny contains msg if {\n\tinput.name == \"Boom\"\n\tx := " + expr + "\n\tmsg := sprintf(\"%d\", [count(sprintf(\"%v\", [x]))])\n}\n"
}

// TestPolicyBounds: a custom policy that runs too long or builds values too
// large fails its model with a clear error (exit 2), the process survives
// and the other models are reported; crlint test gets the same bounds.
func TestPolicyBounds(t *testing.T) {
	good := "name = \"Good\"\n[[segments]]\nid = \"s\"\n[[relationships]]\nid = \"r\"\ntype = \"direct\"\nsegments = [\"nope\"]\n"
	tests := []struct {
		name, expr string
		args       []string
		stderr     string
	}{
		{"bits.lsh of 60 million bits", "bits.lsh(1, 60000000)", []string{"--timeout", "1s"},
			"crlint: a.toml: time limit exceeded: the custom policies (pol) took longer than the "},
		{"bits.lsh of a trillion bits", "bits.lsh(1, 1000000000000)", []string{"--timeout", "10s"},
			"crlint: a.toml: custom policies (pol) used more than 512 MiB (--max-policy-memory); a policy builds values too large\n"},
		{"replace on a 100k string", `replace(concat("", [y | some _ in numbers.range(1, 100000); y := "a"]), "", concat("", [y | some _ in numbers.range(1, 100000); y := "a"]))`,
			[]string{"--timeout", "20s", "--max-policy-memory", "384"},
			"crlint: a.toml: custom policies (pol) used more than 384 MiB (--max-policy-memory); a policy builds values too large\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repoDir(t)
			put(t, "pol", "bomb.rego", timeBomb(tt.expr))
			writeFile(t, ".", "a.toml", strings.Replace(good, "Good", "Boom", 1))
			writeFile(t, ".", "b.toml", good)
			args := append(append([]string{"check", "-f", "compact", "-p", "pol"}, tt.args...), "a.toml", "b.toml")
			code, stdout, stderr, _ := runBounded(t, "", args...)
			if code != ExitError || !strings.HasPrefix(stderr, tt.stderr) || strings.Count(stderr, "\n") != 1 {
				t.Fatalf("exit %d, stderr %q, want exit 2 and %q", code, stderr, tt.stderr)
			}
			if !strings.Contains(stdout, "b.toml:7:13: error:") || strings.Contains(stdout, "a.toml") {
				t.Errorf("b.toml not reported alone:\n%s", stdout)
			}
		})
	}
	t.Run("crlint test", func(t *testing.T) {
		repoDir(t)
		put(t, "pol", "bomb_test.rego", "package bomb_test\n\ntest_bomb if {\n\tbits.lsh(1, 60000000) > 0\n}\n")
		code, stdout, stderr, _ := runBounded(t, "", "test", "--timeout", "1s", "pol")
		if code != ExitError || stderr != "crlint: tests of pol: a test ran past --timeout 1s and was killed\n" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
	t.Run("interrupt", func(t *testing.T) {
		repoDir(t)
		put(t, "pol", "bomb.rego", timeBomb("bits.lsh(1, 60000000)"))
		writeFile(t, ".", "a.toml", strings.Replace(good, "Good", "Boom", 1))
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(2*time.Second, cancel)
		var out, errOut strings.Builder
		code := Main(ctx, []string{"check", "--timeout", "60s", "-p", "pol", "a.toml"}, strings.NewReader(""), &out, &errOut)
		if code != ExitInterrupted || errOut.String() != "crlint: interrupted\n" {
			t.Fatalf("exit %d, stderr %q, want 130 and interrupted", code, errOut.String())
		}
	})
}

// TestCustomCannotTouchBuiltins: a policy directory can neither replace a
// built-in rule or the lib (exit 2 at the policy's package line), nor take
// a built-in code with its messages.
func TestCustomCannotTouchBuiltins(t *testing.T) {
	builtinRule, err := fs.ReadFile(policiesFS.FS, "rules/phases/empty-phase/empty_phase.rego")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := fs.ReadFile(policiesFS.FS, "lib/lib.rego")
	if err != nil {
		t.Fatal(err)
	}
	packageLine := func(src []byte) int {
		for i, l := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(l, "package ") {
				return i + 1
			}
		}
		t.Fatal("no package line")
		return 0
	}
	good := "name = \"Good\"\nstage = \"mature\"\n[[segments]]\nid = \"s\"\n"
	t.Run("a built-in rule's module key and package", func(t *testing.T) {
		repoDir(t)
		put(t, "rules/phases/empty-phase", "empty_phase.rego", string(builtinRule))
		writeFile(t, ".", "m.toml", good)
		code, stdout, stderr, _ := runBounded(t, "", "check", "-p", "rules", "m.toml")
		want := fmt.Sprintf("rules/phases/empty-phase/empty_phase.rego:%d:1: package crlint.rules.phases[\"empty-phase\"] would replace or extend the built-in rule crlint.rules.phases[\"empty-phase\"]: use a package of your own under crlint.rules\n", packageLine(builtinRule))
		if code != ExitError || stdout != "" || stderr != want {
			t.Fatalf("exit %d, stdout %q, stderr\n%q\nwant\n%q", code, stdout, stderr, want)
		}
	})
	t.Run("the lib", func(t *testing.T) {
		repoDir(t)
		put(t, "lib", "lib.rego", string(lib))
		writeFile(t, ".", "m.toml", good)
		code, _, stderr, _ := runBounded(t, "", "check", "-p", ".", "m.toml")
		want := fmt.Sprintf("lib/lib.rego:%d:1: package crlint.lib would replace or extend the built-in lib crlint.lib: a custom policy may import it, never define it\n", packageLine(lib))
		if code != ExitError || stderr != want {
			t.Fatalf("exit %d, stderr\n%q\nwant\n%q", code, stderr, want)
		}
	})
	t.Run("a conftest message naming a built-in code", func(t *testing.T) {
		repoDir(t)
		put(t, "pol", "p.rego", "package main\n\ndeny contains \"CR201: relationship \\\"x\\\" serves no segment\" if true\n\nwarn contains \"HOUSE-7: its own code\" if true\n")
		writeFile(t, ".", "m.toml", good)
		for _, args := range [][]string{{}, {"--disable", "CR201"}} {
			code, stdout, stderr, _ := runBounded(t, "", append([]string{"check", "-f", "compact", "-p", "pol", "m.toml"}, args...)...)
			want := "\nm.toml:1:1: warning: its own code [HOUSE-7 warn]\n" +
				"m.toml:1:1: error: CR201: relationship \"x\" serves no segment [deny]\n"
			if code != ExitFindings || stderr != "" || !strings.Contains(stdout, want) || strings.Contains(stdout, "[CR201") {
				t.Fatalf("%v: exit %d, stderr %q, stdout\n%s\nwant\n%s", args, code, stderr, stdout, want)
			}
		}
	})
}

// TestOutputNeverReplacesSpecialFiles: -o writes through to a FIFO or a
// device, replaces the target of a link within the repository (the link
// stays), refuses a link leading out, and never writes over a model.
func TestOutputNeverReplacesSpecialFiles(t *testing.T) {
	bad := "name = \"Bad\"\n[[segments]]\nid = \"s\"\n[[relationships]]\nid = \"r\"\ntype = \"direct\"\nsegments = [\"nope\"]\n"
	t.Run("FIFO", func(t *testing.T) {
		repoDir(t)
		writeFile(t, ".", "m.toml", bad)
		mkfifo(t, "out.fifo")
		got := make(chan string, 1)
		go func() {
			b, _ := os.ReadFile("out.fifo")
			got <- string(b)
		}()
		code, _, stderr, _ := runBounded(t, "", "check", "-f", "compact", "-o", "out.fifo", "m.toml")
		if code != ExitFindings || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if out := <-got; !strings.Contains(out, "\nm.toml:7:13: error:") {
			t.Errorf("the FIFO's reader got %q", out)
		}
		if st, err := os.Lstat("out.fifo"); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("out.fifo is no longer a FIFO: %v %v", st.Mode(), err)
		}
	})
	t.Run("device", func(t *testing.T) {
		repoDir(t)
		writeFile(t, ".", "m.toml", bad)
		// A null device of our own (major 1, minor 3): only root may make
		// one, and CI runs as root, where the old rename replaced /dev/null.
		if err := syscall.Mknod("null", syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skipf("mknod needs root: %v", err)
		}
		code, _, stderr, _ := runBounded(t, "", "check", "-f", "compact", "-o", "null", "m.toml")
		if code != ExitFindings || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if st, err := os.Lstat("null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("null is no longer a character device: %v %v", st.Mode(), err)
		}
	})
	t.Run("link within the repository", func(t *testing.T) {
		repoDir(t)
		writeFile(t, ".", "m.toml", bad)
		put(t, "reports", "r.txt", "old")
		symlink(t, "reports/r.txt", "r.txt")
		code, _, stderr, _ := runBounded(t, "", "check", "-f", "compact", "-o", "r.txt", "m.toml")
		if code != ExitFindings || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if st, err := os.Lstat("r.txt"); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("r.txt is no longer a link: %v", err)
		}
		if b, _ := os.ReadFile("reports/r.txt"); !strings.Contains(string(b), "\nm.toml:7:13: error:") {
			t.Errorf("the link's target holds %q", b)
		}
	})
	t.Run("link leading out", func(t *testing.T) {
		repo, s := repoDir(t)
		writeFile(t, ".", "m.toml", bad)
		symlink(t, s, "r.txt")
		code, _, stderr, _ := runBounded(t, "", "check", "-f", "compact", "-o", "r.txt", "m.toml")
		if want := "crlint: write report: r.txt: symbolic link leads outside the repository; refused (" + repo + ")\n"; code != ExitError || stderr != want {
			t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
		}
		if b, _ := os.ReadFile(s); !strings.Contains(string(b), secret) {
			t.Errorf("the file outside was changed: %q", b)
		}
	})
	t.Run("directory linked outside", func(t *testing.T) {
		repo, s := repoDir(t)
		writeFile(t, ".", "m.toml", bad)
		symlink(t, filepath.Dir(s), "reports")
		code, _, stderr, _ := runBounded(t, "", "check", "-f", "compact", "-o", "reports/r.txt", "m.toml")
		if want := "crlint: write report: reports: symbolic link leads outside the repository; refused (" + repo + ")\n"; code != ExitError || stderr != want {
			t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(s), "r.txt")); err == nil {
			t.Error("the report was written outside the repository")
		}
	})
	for _, tt := range []struct{ name, want string }{
		{"render", "crlint: write m.toml: m.toml is an existing TOML file; crlint never writes over a model\n"},
		{"schema", "crlint: write schema m.toml: m.toml is an existing TOML file; crlint never writes over a model\n"},
	} {
		t.Run(tt.name+" over a model", func(t *testing.T) {
			repoDir(t)
			writeFile(t, ".", "m.toml", bad)
			args := []string{"schema", "-o", "m.toml"}
			if tt.name == "render" {
				args = []string{"render", "-f", "svg", "-o", "m.toml", "m.toml"}
			}
			code, _, stderr, _ := runBounded(t, "", args...)
			if code != ExitError || stderr != tt.want {
				t.Fatalf("exit %d, stderr %q, want %q", code, stderr, tt.want)
			}
			if b, _ := os.ReadFile("m.toml"); string(b) != bad {
				t.Errorf("the model was changed: %q", b)
			}
		})
	}
}

// TestHostileNamesAndFlags: --jobs is capped; file names and messages
// cannot start a line of their own or drive the terminal; the time-limit
// message names custom policies only when they ran.
func TestHostileNamesAndFlags(t *testing.T) {
	bad := "name = \"Bad\"\n[[segments]]\nid = \"s\"\n[[relationships]]\nid = \"r\"\ntype = \"direct\"\nsegments = [\"nope\"]\n"
	for _, j := range []string{"2305843009213693952", "4611686018427387904", "257"} {
		code, _, stderr, _ := runBounded(t, "", "check", "-j", j, "../../examples/northbank.toml")
		if want := "crlint: --jobs must be between 0 and 256, not " + j + "\n"; code != ExitError || stderr != want {
			t.Errorf("-j %s: exit %d, stderr %q", j, code, stderr)
		}
	}
	dir := t.TempDir()
	name := writeFile(t, dir, "x\n::stop-commands::tok\x1b[2J.toml", bad)
	escaped := filepath.Join(dir, `x\n::stop-commands::tok\x1b[2J.toml`)
	for format, want := range map[string]string{
		"compact": escaped + ":7:13: error:",
		"text":    escaped + ":7:13: error:",
		"github":  "::error file=" + strings.ReplaceAll(filepath.ToSlash(dir), ":", "%3A") + "/x%0A%3A%3Astop-commands%3A%3Atok",
	} {
		code, stdout, _, _ := runBounded(t, "", "check", "--color", "never", "-f", format, name)
		if code != ExitFindings || !strings.Contains(stdout, want) {
			t.Errorf("%s: exit %d, stdout lacks %q:\n%s", format, code, want, stdout)
		}
		for _, l := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(l, "::stop-commands") || strings.ContainsRune(l, 0x1b) {
				t.Errorf("%s: a line from the file name: %q", format, l)
			}
		}
	}
	big := writeFile(t, dir, "big.toml", manyRelationships(3000))
	code, _, stderr, _ := runBounded(t, "", "check", "--timeout", "1ms", big)
	if want := "crlint: " + big + ": time limit exceeded: the rules took longer than 1ms (--timeout)\n"; code != ExitError || stderr != want {
		t.Errorf("built-in time limit: exit %d, stderr %q, want %q", code, stderr, want)
	}
}

// TestTrustBoundaryOtherReads: a baseline and the policy directory that
// `crlint init --policy` scans are read within the boundary too.
func TestTrustBoundaryOtherReads(t *testing.T) {
	good := "name = \"Good\"\n[[segments]]\nid = \"s\"\n"
	t.Run("baseline linked outside", func(t *testing.T) {
		repo, s := repoDir(t)
		writeFile(t, ".", "m.toml", good)
		symlink(t, s, "baseline.json")
		code, stdout, stderr, _ := runBounded(t, "", "check", "--baseline", "baseline.json", "m.toml")
		noSecret(t, stdout, stderr)
		if want := "crlint: baseline baseline.json: symbolic link leads outside the repository; refused (" + repo + ")\n"; code != ExitError || stderr != want {
			t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
		}
	})
	t.Run("init scanning a FIFO", func(t *testing.T) {
		repoDir(t)
		mkfifo(t, "pol/x.rego")
		code, _, stderr, _ := runBounded(t, "", "init", "--policy", "pol")
		if want := "crlint: pol/x.rego: not a regular file\n"; code != ExitError || stderr != want {
			t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
		}
	})
}
