package model

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets for the loader and the position index: no input may panic,
// hang, or give a position outside the file. Run them with `make fuzz`, or
// one at a time:
//
//	go test ./pkg/model -run '^$' -fuzz '^FuzzLoad$' -fuzztime 1m -parallel 1
//
// Crashers the fuzzer finds are kept under testdata/fuzz/<Fuzz name>/ and run
// as regression tests by a plain `go test`.

// fuzzSeedTexts are hand-written inputs at the edges of the format: every
// way the loader's position logic can be asked to count.
var fuzzSeedTexts = []string{
	"",
	"\xef\xbb\xbf",
	"# only a comment\n# and another\n",
	"name = \"x\"\r\n[[segments]]\r\nid = \"a\"\r\n",
	"\xef\xbb\xbfname = \"BOM\"\n[[relationships]]\nid = \"r\"\ntype = \"fans\"\n",
	"name\t=\t\"tabs\"\n[[segments]]\n\tid\t= \"s\"\n",
	"name = \"Ünïcødé ✓\"\n[[segments]]\nid = \"ü\"\nname = \"日本語\"\n",
	"relationships = [{ id = \"a\", type = \"direct\", segments = [\"x\",\n  # c\n  \"y\"] }]\n",
	"relationships.0 = 1\nsegments.a.b = 2\n",
	"[summary]\nrelationships = \"\"\"\n[[not a table]]\nid = 1\n\"\"\"\n",
	"keep = []\nget = [ { tactic = 'x' } , ]\n",
	"[[get]]\ntactic = \"" + strings.Repeat("é", 50) + "\"\nrelationships = [\"nope\"]\n",
	"name = 1\nstage = \"old\"\n[[costs]]\nid = \"Bad Id\"\n[[costs]]\nid = \"Bad Id\"\n",
	"a = [[[[[[[[[[1]]]]]]]]]]\n",
	"[a]\n[a]\n",
	"x = \x00\n",
	"x = \"\xff\xfe\"\n",
	"competitors = [{ name = \"Rival\", relationships = [\"fans\"] }]\n[[relationships]]\nid = \"f\"\ntype = \"fans\"\n",
	// Nesting at and past MaxDepth, in every way TOML nests, and brackets
	// the depth scan must not count (in strings and comments).
	"segments = " + strings.Repeat("[", 32) + strings.Repeat("]", 32) + "\n",
	"segments = " + strings.Repeat("[", 33) + strings.Repeat("]", 33) + "\n",
	"x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40) + "\n",
	"[" + strings.Repeat("a.", 40) + "b]\nc = 1\n",
	strings.Repeat("a.", 40) + "b = 1\n",
	"[[a.b.c]]\nd.e.f = [{g.h = [[1]]}]\n",
	"x = \"[[[[\" # [[[[\ny = '''\n{{{{'''\nz = \"\"\"\\\"\"\"[[\"\"\"\"\n",
	"x = [\n  # ]]]]\n  \"]\",\n  [[\"[\"]],\n]\n",
	// Control characters TOML forbids, in a key, a string and a comment.
	"name = \"x\"\n\x1b = 1\n",
	"name = \"a\x1b[31mred\"\n",
	"# \x07 bell\nname = \"x\"\n",
	"name = \"x\x7f\"\r\n",
	"na\rme = 1\n",
}

// addFuzzSeeds adds the hand-written seeds, the examples, the rule fixtures
// and, when it sits beside the repository, the toml-test suite.
func addFuzzSeeds(f *testing.F, tomlTest bool) {
	for _, s := range fuzzSeedTexts {
		f.Add([]byte(s))
	}
	globs := []string{
		filepath.Join("..", "..", "examples", "*.toml"),
		filepath.Join("..", "lint", "testdata", "rules", "*.toml"),
		filepath.Join("..", "cli", "testdata", "*.toml"),
	}
	if tomlTest {
		root := filepath.Join("..", "..", "..", "shared", "toml-test")
		globs = append(globs, filepath.Join(root, "valid", "*", "*.toml"), filepath.Join(root, "invalid", "*", "*.toml"))
	}
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
}

// fuzzLines splits src the way positions count lines: after a leading BOM,
// at every '\n'. A position's column may name any character of its line or
// the place just after the last.
func fuzzLines(src []byte) [][]byte {
	return bytes.Split(bytes.TrimPrefix(src, []byte(utf8BOM)), []byte{'\n'})
}

// fuzzCheckPos fails when pos lies outside src.
func fuzzCheckPos(t *testing.T, lines [][]byte, pos Pos, what string) {
	t.Helper()
	if pos.Line < 1 || pos.Line > len(lines) {
		t.Fatalf("%s: line %d outside the document's %d lines", what, pos.Line, len(lines))
	}
	if n := utf8.RuneCount(lines[pos.Line-1]); pos.Col < 1 || pos.Col > n+1 {
		t.Fatalf("%s: %d:%d outside line %d, which has %d characters", what, pos.Line, pos.Col, pos.Line, n)
	}
}

// fuzzWalk calls fn for every path of a decoded document, parents first.
func fuzzWalk(p Path, v any, fn func(Path, any)) {
	fn(p, v)
	switch x := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			fuzzWalk(append(p[:len(p):len(p)], k), x[k], fn)
		}
	case []map[string]any:
		for i, e := range x {
			fuzzWalk(append(p[:len(p):len(p)], i), e, fn)
		}
	case []any:
		for i, e := range x {
			fuzzWalk(append(p[:len(p):len(p)], i), e, fn)
		}
	}
}

// brokenByte is how %q shows a byte of a character cut in two (unless
// the file itself holds a "\x" escape, which a syntax error may quote).
var brokenByte = regexp.MustCompile(`\\x[89a-f][0-9a-f]`)

// FuzzLoad loads arbitrary bytes and positions every problem, every prefix
// of its path, and every path of the decoded document, with each target.
func FuzzLoad(f *testing.F) {
	addFuzzSeeds(f, true)
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		d := Load("fuzz.toml", src)
		if !bytes.Equal(d.Src, orig) || !bytes.Equal(src, orig) {
			t.Fatal("Load changed the source")
		}
		lines := fuzzLines(src)
		binary := bytes.IndexByte(src, 0) >= 0 || !utf8.Valid(src)
		for n, l := range lines {
			want := strings.TrimSuffix(string(l), "\r")
			if binary {
				want = "" // a binary file is never quoted
			}
			if got := d.Line(n + 1); got != want {
				t.Fatalf("Line(%d) = %q, want %q", n+1, got, want)
			}
		}
		if d.Line(0) != "" || d.Line(len(lines)+1) != "" {
			t.Fatalf("Line gives text for a line the file does not have")
		}
		syntax := d.Input == nil
		for _, p := range d.Problems {
			if syntax && (len(d.Problems) != 1 || p.Code != "CR001") {
				t.Fatalf("no input but problems %v: a syntax error must be the only problem", d.Problems)
			}
			if !syntax && p.Code == "CR001" {
				t.Fatalf("CR001 %q on a document that decoded", p.Message)
			}
			if p.Message == "" || p.Hint == "" {
				t.Fatalf("problem %v has no message or hint", p)
			}
			if utf8.Valid(src) && (!utf8.ValidString(p.Message) || brokenByte.MatchString(p.Message) && !bytes.Contains(src, []byte(`\x`))) {
				t.Fatalf("problem message %q holds a broken character though the file is UTF-8", p.Message)
			}
			_ = p.Path.String()
			if p.Pos.Line != 0 {
				fuzzCheckPos(t, lines, p.Pos, p.Code+" "+p.Message)
				continue
			}
			for n := len(p.Path); n >= 0; n-- {
				for _, at := range []Target{AtAuto, AtKey, AtValue} {
					fuzzCheckPos(t, lines, d.Locate(p.Path[:n], at), p.Code+" "+p.Path[:n].String())
				}
			}
		}
		if syntax {
			return
		}
		if d.Index() == nil {
			t.Fatal("a document that decoded has no position index")
		}
		raw, err := decode(src)
		if err != nil {
			t.Fatalf("decode fails on a document Load accepted: %v", err)
		}
		fuzzWalk(nil, raw, func(p Path, _ any) {
			if _, ok := d.Index().Lookup(p); !ok {
				t.Fatalf("%s: decoded but not indexed", p)
			}
			fuzzCheckPos(t, lines, d.Locate(p, AtAuto), p.String())
		})
		// Paths no document can write must find nothing, never panic.
		for _, p := range []Path{{-1}, {"segments", -1}, {"segments", 1 << 40}, {1.5}, {"relationships", 0, nil}} {
			_ = d.Locate(p, AtAuto)
		}
	})
}

// FuzzIndex checks that NewIndex agrees with Load: a document Load parses
// must index, every entry and comment of an index lies inside the file, and
// PosAt never leaves it.
func FuzzIndex(f *testing.F) {
	addFuzzSeeds(f, true)
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := fuzzLines(src)
		ix, err := NewIndex(src)
		d := Load("fuzz.toml", src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("NewIndex error %v (%T), want *SyntaxError", err, err)
			}
			fuzzCheckPos(t, lines, se.Pos, "SyntaxError "+se.Msg)
			if d.Input != nil {
				t.Fatalf("Load accepts the document but NewIndex fails: %v", err)
			}
			return
		}
		for id, e := range ix.nodes {
			if e.Kind < KindScalar || e.Kind > KindTable {
				t.Fatalf("node %d has kind %d", id, e.Kind)
			}
			fuzzCheckPos(t, lines, e.Key, "key of node")
			fuzzCheckPos(t, lines, e.Value, "value of node")
		}
		for edge, id := range ix.children {
			if edge.parent < 0 || int(edge.parent) >= len(ix.nodes) || id <= 0 || int(id) >= len(ix.nodes) {
				t.Fatalf("edge %+v -> %d outside the %d nodes", edge, id, len(ix.nodes))
			}
		}
		for _, c := range ix.Comments() {
			fuzzCheckPos(t, lines, c.Pos, "comment")
			if strings.ContainsAny(c.Text, "\n") {
				t.Fatalf("comment text %q spans lines", c.Text)
			}
		}
		step := 1
		if len(src) > 4096 {
			step = len(src) / 1024
		}
		for off := -1; off <= len(src)+1; off += step {
			fuzzCheckPos(t, lines, ix.PosAt(off), "PosAt")
		}
	})
}
