package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// errorLine is the form of every config error: the file, a position when
// there is one, a reason, on one line.
var errorLine = regexp.MustCompile(`^cfg\.toml(:[1-9][0-9]*:[1-9][0-9]*)?: [^\n]+$`)

// FuzzParse feeds arbitrary bytes to the config parser: it never panics
// (nesting is checked before the recursive parser runs), and every error is
// one line naming the file, positioned when it is a syntax error.
//
//	go test ./pkg/config -run '^$' -fuzz '^FuzzParse$' -fuzztime 1m -parallel 1
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"fail_on = \"warning\"\npolicies = [\"policies\"]\nexclude = [\"drafts\"]\n[rules]\nCR209 = \"off\"\n",
		"fail_on = hunter2\n",
		"[rules]\nCR209 = false\n",
		"exclude = " + strings.Repeat("[", 40) + "\n",
		"x = " + strings.Repeat("{a = ", 40) + "\n",
		"fail_on = \"x\x1b[31m\"\n",
		"\xef\xbb\xbffail_on = 'error'\r\n",
		"fail_on = \"a\x00\"\n",
		"policies = '''\n[[[\n'''\n",
	} {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.toml")); len(files) > 0 {
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse("cfg.toml", src)
		if err == nil {
			return
		}
		msg := err.Error()
		if !errorLine.MatchString(msg) {
			t.Fatalf("error %q is not one line of the form cfg.toml[:line:col]: reason", msg)
		}
	})
}
