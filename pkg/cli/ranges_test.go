package cli

import (
	"strings"
	"testing"
)

// TestWideCharactersUnderlined: after wide CJK characters the carets stand
// under the value, two columns a character, and JSON gives the end.
func TestWideCharactersUnderlined(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "m.toml", "name = \"x\"\n[[segments]]\nid = \"s\"\nexpects = [\"大衆大衆\", \"bogus\"]\n")
	_, out, _ := run(t, "", "check", "--color", "never", p)
	want := " 4 | expects = [\"大衆大衆\", \"bogus\"]\n" +
		"   |                        ^^^^^^^\n"
	if !strings.Contains(out, want) {
		t.Errorf("text output lacks\n%s\ngot:\n%s", want, out)
	}
	_, out, _ = run(t, "", "check", "-f", "json", p)
	if !strings.Contains(out, `"line": 4,
      "column": 20,
      "end_line": 4,
      "end_column": 27,`) {
		t.Errorf("JSON lacks the range 4:20-4:27:\n%s", out)
	}
}
