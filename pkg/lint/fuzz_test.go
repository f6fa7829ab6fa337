package lint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// Fuzz targets for the suppression parser and the whole check pipeline.
// Run them with `make fuzz`, or one at a time:
//
//	go test ./pkg/lint -run '^$' -fuzz '^FuzzCheck$' -fuzztime 1m -parallel 1
//
// Crashers are kept under testdata/fuzz/<Fuzz name>/ and run as regression
// tests by a plain `go test`.

// FuzzSuppression: ParseSuppression never panics, and what it reads can be
// written back and read again to the same directive.
func FuzzSuppression(f *testing.F) {
	for _, s := range []string{
		" crlint:disable CR102 pilot segment",
		"crlint:disable CR102,high-touch-without-costs   reason here ",
		" crlint:disable-file CR401",
		" crlint:disable",
		" crlint:disabled CR102",
		"crlint:disable\tCR101,\tCR102 why",
		"crlint:disable ,,, ,",
		"crlint:disable-file\u00a0CR401",
		" crlint:disable CR1\tCR2 tab inside",
		"",
		"#",
		" just a comment",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, ok := lint.ParseSuppression(text)
		if !ok {
			return // callers ignore s then
		}
		if !strings.Contains(text, "crlint:disable") {
			t.Fatalf("%q is not a directive, but parsed as %+v", text, s)
		}
		for _, c := range s.Codes {
			if c == "" || c != strings.TrimSpace(c) || strings.ContainsAny(c, ", ") {
				t.Fatalf("code %q of %q is empty, untrimmed or holds a separator", c, text)
			}
		}
		if s.Reason != strings.TrimSpace(s.Reason) {
			t.Fatalf("reason %q is untrimmed", s.Reason)
		}
		// Write it back: directive, codes joined by commas, reason.
		out := "crlint:disable"
		if s.File {
			out = "crlint:disable-file"
		}
		if len(s.Codes) > 0 {
			out += " " + strings.Join(s.Codes, ",")
			if s.Reason != "" {
				out += " " + s.Reason
			}
		}
		again, ok := lint.ParseSuppression(out)
		if !ok || again.File != s.File || !reflect.DeepEqual(again.Codes, s.Codes) {
			t.Fatalf("%q parsed as %+v; written back as %q it reads %+v (ok %v)", text, s, out, again, ok)
		}
		if len(s.Codes) > 0 && again.Reason != s.Reason {
			t.Fatalf("%q: reason %q written back reads %q", text, s.Reason, again.Reason)
		}
	})
}

// FuzzCheck runs the whole pipeline, Load then CheckWith then every report
// format, on arbitrary bytes (src) and on a model generated from gen.
func FuzzCheck(f *testing.F) {
	var files []string
	for _, g := range []string{
		filepath.Join("..", "..", "examples", "*.toml"),
		filepath.Join("testdata", "rules", "*.toml"),
	} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src, []byte(nil))
		}
	}
	for i := range 16 {
		f.Add([]byte(nil), genBytes(uint64(i), 64+i*16))
	}
	f.Add([]byte("name = \"x\"\n# crlint:disable-file CR301,nope\n[[segments]]\nid = \"s\" # crlint:disable\n"), []byte{})
	// Nesting at and past the 32-level limit, and control characters.
	for _, s := range []string{
		"name = \"Deep\"\nsegments = " + strings.Repeat("[", 32) + strings.Repeat("]", 32) + "\n",
		"name = \"Deep\"\nsegments = " + strings.Repeat("[", 100000) + "\n",
		"name = \"Deep\"\n[[relationships]]\nid = \"r\"\n" + strings.Repeat("a.", 40) + "b = 1\n",
		"name = \"x\"\n\x1b[31m = 1\n",
		"name = \"x\x07\"\n[[segments]]\nid = \"s\"\n",
		"name = \"x\"\n[[segments]]\nid = \"s\"\nname = \"\u202e\u0085 bidi\"\n",
	} {
		f.Add([]byte(s), []byte(nil))
	}
	f.Fuzz(func(t *testing.T, src, gen []byte) {
		e := testEngine(t)
		fuzzCheckOne(t, e, src)
		if len(gen) > 0 {
			fuzzCheckOne(t, e, []byte(genModel(gen)))
		}
	})
}

var codePattern = regexp.MustCompile(`^CR\d{3}$`)

// brokenByte is how %q shows a byte of a character cut in two (unless
// the file itself holds a "\x" escape, which a syntax error may quote).
var brokenByte = regexp.MustCompile(`\\x[89a-f][0-9a-f]`)

// fuzzCheckOne checks src and fails on a panic (the fuzzer reports it), an
// error other than the time limit, a finding outside the file, output that
// differs between two runs, or a report that cannot be written or read back.
func fuzzCheckOne(t *testing.T, e *lint.Engine, src []byte) {
	t.Helper()
	ctx := context.Background()
	const file = "fuzz.toml"
	doc := model.Load(file, src)
	fs, err := e.CheckWith(ctx, doc, nil)
	if err != nil {
		msg := err.Error()
		// The only acceptable error on a built-in rule set is the time
		// limit, one line naming the file.
		if !strings.HasPrefix(msg, file+": ") || strings.Contains(msg, "\n") || !strings.Contains(msg, "longer than") {
			t.Fatalf("CheckWith: %v\nsource:\n%s", err, src)
		}
		return
	}
	lines := bytes.Split(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte{'\n'})
	syntax := doc.Input == nil
	if syntax && (len(fs) != 1 || fs[0].Code != "CR001") {
		t.Fatalf("syntax error must be the only finding, got %v", fs)
	}
	for _, f := range fs {
		if !codePattern.MatchString(f.Code) || f.Rule == "" || f.Message == "" || f.File != file {
			t.Fatalf("malformed finding %+v", f)
		}
		if f.Severity < report.Info || f.Severity > report.Error {
			t.Fatalf("finding %s has severity %d", f.Code, f.Severity)
		}
		if f.Line < 1 || f.Line > len(lines) {
			t.Fatalf("finding %s %s at line %d, outside the %d lines", f.Code, f.Path, f.Line, len(lines))
		}
		if n := utf8.RuneCount(lines[f.Line-1]); f.Column < 1 || f.Column > n+1 {
			t.Fatalf("finding %s %s at %d:%d, outside its line of %d characters", f.Code, f.Path, f.Line, f.Column, n)
		}
		// The quote is the line, or for a long one the characters from
		// SourceCut on, around the finding's column.
		line := []rune(doc.Line(f.Line))
		quote := []rune(f.Source)
		if f.SourceCut < 0 || f.SourceCut+len(quote) > len(line) || string(line[f.SourceCut:f.SourceCut+len(quote)]) != f.Source ||
			f.SourceMore != (f.SourceCut+len(quote) < len(line)) || (f.SourceCut > 0 || f.SourceMore) && len(doc.Line(f.Line)) <= 240 ||
			f.Column <= f.SourceCut && f.SourceCut > 0 {
			t.Fatalf("finding %s at column %d quotes %q (cut %d, more %v), but line %d is %q", f.Code, f.Column, f.Source, f.SourceCut, f.SourceMore, f.Line, doc.Line(f.Line))
		}
		if utf8.Valid(src) && (!utf8.ValidString(f.Message) || !utf8.ValidString(f.Hint) || brokenByte.MatchString(f.Message) && !bytes.Contains(src, []byte(`\x`))) {
			t.Fatalf("finding %s: message %q or hint %q holds a broken character though the file is UTF-8", f.Code, f.Message, f.Hint)
		}
	}

	// The same model checked again gives the same findings.
	again, err := e.CheckWith(ctx, model.Load(file, src), nil)
	if err != nil {
		t.Fatalf("second check: %v", err)
	}
	report.Sort(fs)
	report.Sort(again)
	if !reflect.DeepEqual(fs, again) {
		t.Fatalf("two checks of one model differ:\n%v\n%v", fs, again)
	}

	// Every format writes the findings, and JSON reads back to them.
	run := report.Run{Files: 1, FileNames: []string{file}}
	for _, format := range report.Formats() {
		var buf bytes.Buffer
		r, err := report.New(format, &buf, report.Options{Color: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Report(ctx, run, fs); err != nil {
			t.Fatalf("%s report: %v", format, err)
		}
		if format != "json" {
			continue
		}
		var back struct {
			Findings []report.Finding `json:"findings"`
		}
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("json report does not read back: %v\n%s", err, buf.Bytes())
		}
		if len(back.Findings) != len(fs) {
			t.Fatalf("json report has %d findings, want %d", len(back.Findings), len(fs))
		}
		for i, f := range back.Findings {
			if utf8.ValidString(fs[i].Message) && f.Message != fs[i].Message {
				t.Fatalf("json report changed message %q to %q", fs[i].Message, f.Message)
			}
		}
	}
}

// genBytes returns n pseudo-random bytes, the same for the same seed.
func genBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestCheckCancelled: a cancelled context stops a check with an error that
// says so, never a panic or a partial result passed off as complete.
func TestCheckCancelled(t *testing.T) {
	e := testEngine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "northbank.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.CheckWith(ctx, model.Load("m.toml", src), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("CheckWith on a cancelled context: %v, want context.Canceled", err)
	}
	emitted := 0
	err = lint.Run(ctx, []lint.Source{{Name: "m.toml", Data: src, Engine: e}}, 1, lint.DefaultMaxBytes, func(r lint.FileResult) error {
		emitted++
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("Run emitted %+v on a cancelled context", r)
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) && emitted == 0 {
		t.Errorf("Run on a cancelled context: %v, emitted %d", err, emitted)
	}
}

// TestGeneratedModelsCheck runs a few hundred generated models through the
// pipeline on every plain `go test`, so the generator and the properties
// FuzzCheck asserts are exercised without -fuzz.
func TestGeneratedModelsCheck(t *testing.T) {
	e := testEngine(t)
	n := 300
	if testing.Short() {
		n = 30
	}
	start := time.Now()
	for i := range n {
		fuzzCheckOne(t, e, []byte(genModel(genBytes(uint64(i), 256))))
	}
	t.Logf("%d generated models in %s", n, time.Since(start))
}
