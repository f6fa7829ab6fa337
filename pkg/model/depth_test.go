package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestDepthLimit: nesting past MaxDepth is CR001 at the byte that opens the
// 33rd level, whichever way the file nests; brackets, braces and dots in
// strings and comments do not count; a model at the limit loads.
func TestDepthLimit(t *testing.T) {
	open := func(s string, n int) string { return strings.Repeat(s, n) }
	tests := []struct {
		name string
		src  string
		want Pos // {0, 0}: no nesting error
	}{
		{"arrays at the limit", "x = " + open("[", 32) + open("]", 32) + "\n", Pos{}},
		{"arrays past the limit", "x = " + open("[", 4000000) + "\n", Pos{1, 37}},
		{"inline tables past the limit", "name = \"x\"\nx = " + open("{a = ", 40) + "1" + open("}", 40) + "\n", Pos{2, 4 + 32*5 + 1}},
		{"dotted key past the limit", open("a.", 33) + "b = 1\n", Pos{1, 66}},
		{"table header past the limit", "[" + open("a.", 31) + "b.c]\n", Pos{1, 65}},
		{"array-of-tables header counts its brackets", "[[" + open("a.", 30) + "b.c]]\n", Pos{1, 64}},
		{"header, key and arrays add up", "[a.b]\nc.d = " + open("[", 30) + "\n", Pos{2, 6 + 30}},
		{"a header ends its depth", "[" + open("a.", 30) + "b]\n[c]\nd = " + open("[", 31) + open("]", 31) + "\n", Pos{}},
		{"a new line ends a key's dots", open("a.", 30) + "b = 1\nc = " + open("[", 32) + open("]", 32) + "\n", Pos{}},
		{"a comma ends an inline key's dots", "x = {" + open("a.", 20) + "b = 1, c = " + open("[", 30) + open("]", 30) + "}\n", Pos{}},
		{"multi-line array with comments", "x = [\n# [[[[[[[[\n" + open("[", 31) + open("]", 31) + "\n]\n", Pos{}},
		{"brackets in strings", "x = \"" + open("[", 100) + "\"\ny = '" + open("{", 100) + "'\n", Pos{}},
		{"brackets in multi-line strings", "x = \"\"\"\n" + open("[", 100) + "\\\"\"\"\"\ny = '''" + open("{", 100) + "''''\nz = " + open("[", 33) + "\n", Pos{4, 4 + 33}},
		{"brackets in comments", "# " + open("[", 100) + "\nx = 1 # " + open("{", 100) + "\n", Pos{}},
		{"an escaped quote does not end a string", "x = \"a\\\"" + open("[", 50) + "\"\n", Pos{}},
		{"quoted key segments", open("\"a.b\".", 33) + "c = 1\n", Pos{1, 33*6 + 0}},
		{"BOM", "\xef\xbb\xbfx = " + open("[", 33) + "\n", Pos{1, 37}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Load("deep.toml", []byte(tt.src))
			var got Pos
			for _, p := range d.Problems {
				if p.Code == "CR001" && strings.Contains(p.Message, "nested deeper than 32 levels") {
					got = p.Pos
				}
			}
			if got != tt.want {
				t.Fatalf("nesting error at %v, want %v; problems %v", got, tt.want, d.Problems)
			}
		})
	}
}

// BenchmarkLoadGrowth loads hostile but shallow inputs at doubling sizes up
// to the default --max-file-size: each shape's ns/op must double with the
// size (linear), which `make bench` shows; no assertion on time.
func BenchmarkLoadGrowth(b *testing.B) {
	shapes := map[string]func(n int) string{
		"deep-arrays": func(n int) string { return "x = " + strings.Repeat("[", n) },
		"deep-tables": func(n int) string { return "x = " + strings.Repeat("{a = ", n/5) },
		"dotted-keys": func(n int) string { return strings.Repeat("a.", n/2) + "b = 1\n" },
		"nested-at-cap": func(n int) string {
			return strings.Repeat("[[x]]\nv = "+strings.Repeat("[", 30)+strings.Repeat("]", 30)+"\n", n/70)
		},
		"many-items":  func(n int) string { return strings.Repeat("[[relationships]]\nid = \"r\"\ntype = \"direct\"\n", n/45) },
		"long-string": func(n int) string { return "x = \"" + strings.Repeat("\\u00e9", n/6) + "\"\n" },
		"many-keys": func(n int) string {
			var sb strings.Builder
			for i := range n / 12 {
				fmt.Fprintf(&sb, "k%07d = 1\n", i)
			}
			return sb.String()
		},
	}
	for _, name := range []string{"deep-arrays", "deep-tables", "dotted-keys", "nested-at-cap", "many-items", "many-keys", "long-string"} {
		for _, size := range []int{1 << 20, 2 << 20, 4 << 20, 8 << 20} {
			src := []byte(shapes[name](size))
			b.Run(fmt.Sprintf("%s/%dMiB", name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					_ = Load("big.toml", src)
				}
			})
		}
	}
}

// TestKeyCost: a file whose keys would take go-toml's decoder quadratic
// time is CR001 at the key where the count passes the limit, found in
// linear time; a large model with many items is not.
func TestKeyCost(t *testing.T) {
	var keys strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&keys, "k%06d = 1\n", i)
	}
	d := Load("keys.toml", []byte(keys.String()))
	if len(d.Problems) != 1 || d.Problems[0].Code != "CR001" || !strings.Contains(d.Problems[0].Message, "too many keys in one table") {
		t.Fatalf("problems %v, want CR001 too many keys", d.Problems)
	}
	// The limit is passed at the key whose scan makes the steps exceed
	// maxKeySteps: key n costs about n steps.
	if p := d.Problems[0].Pos; p.Col != 1 || p.Line < 15000 || p.Line > 25000 {
		t.Errorf("at %v, want column 1 of a line near 20,000", p)
	}
	for name, src := range map[string]string{
		"array of tables": strings.Repeat("[[relationships]]\nid = \"r\"\ntype = \"direct\"\nsegments = [\"s\"]\ncosts = [\"c\"]\n", 30000),
		"inline items":    "relationships = [\n" + strings.Repeat("{ id = \"r\", type = \"direct\", segments = [\"s\"] },\n", 30000) + "]\n[[segments]]\nid = \"s\"\n",
	} {
		d := Load("big.toml", []byte(src))
		for _, p := range d.Problems {
			if p.Code == "CR001" {
				t.Errorf("%s: %v", name, p)
			}
		}
	}
}
