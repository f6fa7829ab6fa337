package lint_test

import (
	"fmt"
	"strings"

	"github.com/crlint/crlint/pkg/model"
)

// genReader hands out the bytes of a fuzz input as choices, starting over
// at its end (and every choice 0 when it is empty), so that any input makes
// a model and the model's size does not depend on the input's.
type genReader struct {
	b []byte
	i int
}

func (r *genReader) next() int {
	if len(r.b) == 0 {
		return 0
	}
	r.i++
	return int(r.b[(r.i-1)%len(r.b)])
}

// pick returns a choice in [0, n).
func (r *genReader) pick(n int) int { return r.next() % n }

// chance is true about num times in den.
func (r *genReader) chance(num, den int) bool { return r.pick(den) < num }

// genTexts are free texts: plain, naming relationship types (for the summary
// rules), non-ASCII, long enough to be cut in a message, and with characters
// that need escaping.
var genTexts = []string{
	"Dedicated personal assistance, one banker per client",
	"self-service portal and a user community",
	"automation",
	"Fans club, co-creation and long-term contracts with switching costs",
	"direct sales",
	"indirect",
	"Référence client — équipe dédiée ✓",
	"日本語のテキストで書かれた、とても長い戦術の説明文です。四十文字を超えるように書いています。",
	strings.Repeat("é", 39) + "ab",
	"a \"quoted\" word and a back\\slash",
	"tab\there",
	"",
	"x",
}

// genModel writes a model from the choices in gen: every block of the
// format, items as [[headers]] or inline tables, valid and invalid ids,
// enum values, references that resolve and some that dangle, wrong types,
// unknown keys, suppression comments, CRLF endings and a BOM.
func genModel(gen []byte) string {
	r := &genReader{b: gen}
	var b strings.Builder
	crlf, bom := r.chance(1, 8), r.chance(1, 16)
	if bom {
		b.WriteString("\xef\xbb\xbf")
	}
	if r.chance(7, 8) {
		fmt.Fprintf(&b, "name = %s\n", tomlString(genTexts[r.pick(len(genTexts))]))
	}
	if r.chance(1, 2) {
		fmt.Fprintf(&b, "stage = %s\n", tomlString(genEnum(r, model.Stages)))
	}
	if r.chance(1, 12) {
		b.WriteString("colour = \"blue\"\n")
	}
	// Top-level keys must come before the first [table]; inline blocks are
	// written first, tables after them.
	var tail strings.Builder
	switch r.pick(4) {
	case 1:
		fmt.Fprintf(&tail, "[summary]\nrelationships = %s\n", tomlString(genSummary(r)))
	case 2:
		fmt.Fprintf(&b, "summary.relationships = %s\n", tomlString(genSummary(r)))
	case 3:
		tail.WriteString("[summary]\n")
	}
	for _, blk := range model.Blocks {
		n := r.pick(4)
		if blk.Name == "relationships" || blk.Name == "segments" {
			n = r.pick(5)
		}
		if n == 0 {
			if r.chance(1, 10) {
				fmt.Fprintf(&b, "%s = []\n", blk.Name)
			}
			continue
		}
		if r.chance(1, 4) {
			items := make([]string, n)
			for i := range items {
				items[i] = "{ " + strings.Join(genFields(r, blk), ", ") + " }"
			}
			sep := ", "
			if r.chance(1, 2) {
				sep = ",\n  # item\n  "
			}
			fmt.Fprintf(&b, "%s = [%s]\n", blk.Name, strings.Join(items, sep))
			continue
		}
		for range n {
			fmt.Fprintf(&tail, "\n[[%s]]\n", blk.Name)
			for _, kv := range genFields(r, blk) {
				tail.WriteString(kv)
				if r.chance(1, 16) {
					fmt.Fprintf(&tail, " # crlint:disable %s", genCode(r))
				}
				tail.WriteString("\n")
			}
		}
	}
	if r.chance(1, 8) {
		fmt.Fprintf(&b, "# crlint:disable-file %s\n", genCode(r))
	}
	b.WriteString(tail.String())
	out := b.String()
	if crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return out
}

// genFields writes some of a block's fields as key = value.
func genFields(r *genReader, blk *model.Block) []string {
	var kvs []string
	for _, f := range blk.Fields {
		keep := r.chance(1, 2)
		if f.Required || f.Kind == model.ID {
			keep = r.chance(15, 16)
		}
		if !keep {
			continue
		}
		kvs = append(kvs, f.Name+" = "+genValue(r, blk, f))
	}
	if r.chance(1, 16) {
		kvs = append(kvs, "segmnets = [\"s0\"]")
	}
	return kvs
}

// genValue writes one value for field f: mostly of the right type, now and
// then not.
func genValue(r *genReader, blk *model.Block, f model.Field) string {
	if r.chance(1, 32) {
		return []string{"42", "true", "[1, 2]", "{ a = 1 }", "1979-05-27", "\"\""}[r.pick(6)]
	}
	switch f.Kind {
	case model.ID:
		if r.chance(1, 16) {
			return tomlString("Bad Id " + genID(r, blk.Name))
		}
		return tomlString(genID(r, blk.Name))
	case model.Enum:
		return tomlString(genEnum(r, f.Values))
	case model.Bool:
		return []string{"true", "false"}[r.pick(2)]
	case model.Refs, model.EnumList, model.TextList:
		n := r.pick(4)
		elems := make([]string, n)
		for i := range elems {
			switch f.Kind {
			case model.Refs:
				elems[i] = tomlString(genID(r, f.Target))
			case model.EnumList:
				elems[i] = tomlString(genEnum(r, f.Values))
			default:
				elems[i] = tomlString(genTexts[r.pick(len(genTexts))])
			}
		}
		return "[" + strings.Join(elems, ", ") + "]"
	}
	return tomlString(genTexts[r.pick(len(genTexts))])
}

// genID names one of four items of a block; references and ids draw from
// the same names, so most references resolve.
func genID(r *genReader, block string) string {
	return fmt.Sprintf("%s%d", block[:2], r.pick(4))
}

// genEnum picks a value, or now and then one that is not allowed.
func genEnum(r *genReader, values []string) string {
	if r.chance(1, 16) {
		return "self-service"
	}
	return values[r.pick(len(values))]
}

func genSummary(r *genReader) string {
	words := make([]string, 1+r.pick(5))
	for i := range words {
		words[i] = genTexts[r.pick(len(genTexts))]
	}
	return strings.Join(words, " ")
}

// genCode names a rule to suppress: a real code, a name, or nothing known.
func genCode(r *genReader) string {
	return []string{"CR102", "CR201,CR202", "segment-without-relationship", "CR999", "", "CR301 not yet"}[r.pick(6)]
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
