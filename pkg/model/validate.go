package model

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// singular names an item of each block in messages.
var singular = map[string]string{
	"segments":           "segment",
	"value_propositions": "value proposition",
	"channels":           "channel",
	"relationships":      "relationship",
	"key_resources":      "key resource",
	"key_activities":     "key activity",
	"key_partners":       "key partner",
	"revenue_streams":    "revenue stream",
	"costs":              "cost entry",
	"get":                "get tactic",
	"keep":               "keep tactic",
	"grow":               "grow tactic",
	"competitors":        "competitor",
}

// Singular names one item of a block ("relationship" for relationships).
func Singular(block string) string {
	if s, ok := singular[block]; ok {
		return s
	}
	return block
}

// Label names an item in a message: `relationship "private-banker"`, a tactic
// by its text, or the path when the item has nothing to be called by.
func Label(block string, i int, item map[string]any) string {
	keys := []string{"id", "tactic", "name"}
	if b := BlockByName(block); b != nil {
		// A stray key is CR002, not a name: an id on a tactic or
		// competitor, a tactic on an item of the nine blocks.
		if b.HasID {
			keys = []string{"id", "name"}
		} else {
			keys = keys[1:]
		}
	}
	for _, k := range keys {
		if s, ok := item[k].(string); ok && s != "" {
			if k == "tactic" && utf8.RuneCountInString(s) > 40 {
				// Cut at a character, not a byte: cutting inside "é"
				// printed a broken "\xc3" in the message.
				s = string([]rune(s)[:37]) + "..."
			}
			return fmt.Sprintf("%s %q", Singular(block), s)
		}
	}
	return fmt.Sprintf("%s %s", Singular(block), Path{block, i})
}

// itemLabel is an item's Label, made only when a message needs it: most
// items have none, and a label costs a formatted string.
type itemLabel struct {
	block string
	i     int
	item  map[string]any
	text  string
}

func (l *itemLabel) String() string {
	if l.text == "" {
		l.text = Label(l.block, l.i, l.item)
	}
	return l.text
}

// fixedLabel is the label of the model itself or of its summary.
type fixedLabel string

func (l fixedLabel) String() string { return string(l) }

// Keys the loader adds to an item of the rules' input. They cannot clash
// with the format's keys, which never start with "_".
const (
	// InvalidKey maps each field of the item whose written value failed
	// CR003 (a wrong type, entries outside an enum) to true: rules that
	// depend on the field skip the item, as they do for an invalid type.
	InvalidKey = "_invalid"
	// DuplicateKey is true on the second item of a duplicated id (CR005).
	DuplicateKey = "_duplicate"
)

func markInvalid(item map[string]any, field string) {
	inv, _ := item[InvalidKey].(map[string]any)
	if inv == nil {
		inv = map[string]any{}
		item[InvalidKey] = inv
	}
	inv[field] = true
}

// validator checks a decoded document against the format (CR002–CR006) and
// builds the normalised input for the rules.
type validator struct {
	doc *Document
	// ids[block] maps each id to the index of the first item that has it.
	ids map[string]map[string]int
	// items[block] are the block's items, normalised, for suggestions.
	items map[string][]map[string]any
	// sortedIDs[block] are the keys of ids[block] in order, made once for
	// the hints of dangling references.
	sortedIDs map[string][]string
	// names[block] finds an item by its name for those hints (see
	// itemNamed), made once.
	names map[string]*nameIndex
	// keyNames indexes where keys are named, for the safe fixes of
	// unknown keys (see namedOnce), made once.
	keyNames *keyNames
	// spelled counts the ids that the hints and fixes of dangling
	// references have compared spellings with (see refHintBudget).
	spelled int
}

// refHintBudget bounds the spelling comparisons that dangling references'
// hints and fixes may make in one document. Each compares the reference
// with every id of its block, so a file of n dangling references to a
// block of n ids cost n² (8,000 of each, 230 KB, took 32 s, before the
// rules' time limit starts). Past the budget, a dangling reference gets
// the hint without a did-you-mean and no fix. A real model stays far
// below it: 100 dangling references among 1,000 ids use 300,000.
const refHintBudget = 3_000_000

func (v *validator) report(code string, p Path, at Target, hint, format string, args ...any) {
	v.doc.Problems = append(v.doc.Problems, Problem{
		Code: code, Path: append(Path(nil), p...), At: at, Hint: hint,
		Message: fmt.Sprintf(format, args...),
	})
}

// fix gives the problem just reported the safe fix respelling written as
// one of candidates, when there is exactly one.
func (v *validator) fix(written string, candidates []string) {
	v.doc.Problems[len(v.doc.Problems)-1].Fix = fixFor(written, candidates)
}

// unwritten lists the keys that table t does not hold: respelling a key as
// one already written would define it twice.
func unwritten(keys []string, t map[string]any) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if _, ok := t[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// Normalize returns the model as the rules read it: every block present as
// an array (empty when absent), every value that failed CR003 removed (so
// an item with an invalid type is invisible to rules about types), unknown
// keys removed, and the second item of a duplicated id stripped of its id (so
// lookups by id are unambiguous). References are kept as written: a rule
// tells a dangling reference from a missing one with the lib helpers.
func (v *validator) normalize(raw map[string]any) map[string]any {
	out := make(map[string]any, len(raw)+len(Blocks))
	if _, ok := raw["name"]; !ok {
		v.report("CR004", nil, AtAuto, `add name = "..." at the top of the file`, "the model has no name")
	}
	v.fields(raw, out, TopFields, Path{}, fixedLabel("the model"))
	if s, ok := raw["summary"]; ok {
		if t, ok := s.(map[string]any); ok {
			sum := map[string]any{}
			v.fields(t, sum, SummaryFields, Path{"summary"}, fixedLabel("[summary]"))
			out["summary"] = sum
		} else {
			v.report("CR003", Path{"summary"}, AtValue, `write it as a table: [summary] relationships = "..."`, "summary must be a table, not %s", typeName(s))
			markInvalid(out, "summary") // CR003 alone: no CR401 for it
		}
	}

	v.ids = make(map[string]map[string]int, len(Blocks))
	items := make(map[string][]map[string]any, len(Blocks))
	for _, b := range Blocks {
		var ok bool
		items[b.Name], ok = v.block(b, raw[b.Name])
		if arr, isArr := raw[b.Name].([]any); !ok || (isArr && len(items[b.Name]) < len(arr)) {
			// Wrong-typed, or entries that are no table left out: CR003's
			// alone, so no CR301 for a phase with no table entry left.
			markInvalid(out, b.Name)
		}
	}
	v.items = items
	for _, b := range Blocks {
		list := make([]any, len(items[b.Name]))
		for i, it := range items[b.Name] {
			v.references(b, i, it)
			list[i] = it
		}
		out[b.Name] = list
	}

	known := TopLevelKeys()
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		if !slices.Contains(known, k) {
			v.report("CR002", Path{k}, AtKey, didYouMean(k, known, "top-level keys"), "unknown key %q at the top of the model", k)
			v.fixKey(Path{k}, unwritten(known, raw))
		}
	}
	return out
}

// block validates one block's items and returns them normalised, one per
// written table; ok is false when the block's value is not an array.
func (v *validator) block(b *Block, val any) (_ []map[string]any, ok bool) {
	if val == nil {
		return nil, true
	}
	var rawItems []any
	switch t := val.(type) {
	case []map[string]any:
		rawItems = make([]any, len(t))
		for i := range t {
			rawItems[i] = t[i]
		}
	case []any:
		rawItems = t
	default:
		v.report("CR003", Path{b.Name}, AtValue, fmt.Sprintf("write each item as [[%s]]", b.Name),
			"%s must be an array of tables, not %s", b.Name, typeName(val))
		return nil, false
	}
	ids := map[string]int{}
	v.ids[b.Name] = ids
	out := make([]map[string]any, 0, len(rawItems))
	kept := make([]int, 0, len(rawItems))
	defer func() {
		if len(kept) < len(rawItems) {
			// An entry that is not a table is no item: the rules never see
			// it, and the items after it keep their positions.
			v.doc.remap(Path{b.Name}, kept)
		}
	}()
	for i, r := range rawItems {
		p := Path{b.Name, i}
		t, ok := r.(map[string]any)
		if !ok {
			v.report("CR003", p, AtValue, fmt.Sprintf("write each item as [[%s]] or { id = \"...\" }", b.Name),
				"%s must be a table, not %s", p, typeName(r))
			continue
		}
		it := map[string]any{}
		out = append(out, it)
		kept = append(kept, i)
		label := &itemLabel{block: b.Name, i: i, item: t}
		v.fields(t, it, b.Fields, p, label)
		if b.HasID {
			id, has := it["id"].(string)
			_, written := t["id"]
			switch {
			case !written:
				v.report("CR004", p, AtAuto, `give it an id = "..." so other items can reference it`, "%s has no id", label)
			case has:
				if first, dup := ids[id]; dup {
					v.report("CR005", append(p, "id"), AtValue, "ids must be unique within a block; rename one of them",
						"%s id %q is already used by %s", Singular(b.Name), id, Path{b.Name, first})
					// It keeps its id for messages, but references resolve
					// to the first item (lib.by_id leaves duplicates out).
					it[DuplicateKey] = true
				} else {
					ids[id] = i
				}
			}
		}
	}
	return out, true
}

// fields validates the keys of one table against its fields, copying the
// valid values into out.
func (v *validator) fields(t, out map[string]any, fields []Field, p Path, label fmt.Stringer) {
	for _, f := range fields {
		val, ok := t[f.Name]
		if !ok {
			// A missing id is reported by block, with a better hint.
			if f.Required && len(p) > 0 && f.Kind != ID {
				v.report("CR004", p, AtAuto, fmt.Sprintf("add %s = ...: %s", f.Name, f.Doc), "%s has no %s", label, f.Name)
			}
			continue
		}
		good, ok := v.value(f, val, append(p, f.Name), label)
		if ok {
			out[f.Name] = good
		}
		if arr, isArr := val.([]any); !ok || (isArr && len(good.([]any)) < len(arr)) {
			markInvalid(out, f.Name)
		}
	}
	if len(p) == 0 {
		return // the top level's other keys are blocks; normalize checks them
	}
	known := 0
	for _, f := range fields {
		if _, ok := t[f.Name]; ok {
			known++
		}
	}
	if known == len(t) {
		return // no unknown key: spare the sorting
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if !slices.Contains(names, k) {
			where := "in " + label.String()
			v.report("CR002", append(p, k), AtKey, didYouMean(k, names, "known keys"), "unknown key %q %s", k, where)
			v.fixKey(append(p, k), unwritten(names, t))
		}
	}
}

// value checks one field's value and returns what the rules may see.
func (v *validator) value(f Field, val any, p Path, label fmt.Stringer) (any, bool) {
	switch f.Kind {
	case Text:
		s, ok := val.(string)
		if !ok {
			v.wrongType(p, label, "a string", val)
		}
		return s, ok
	case Bool:
		b, ok := val.(bool)
		if !ok {
			v.wrongType(p, label, "true or false", val)
		}
		return b, ok
	case ID:
		s, ok := val.(string)
		if !ok {
			v.wrongType(p, label, "a string", val)
			return nil, false
		}
		if !idPattern.MatchString(s) {
			v.report("CR003", p, AtValue, fmt.Sprintf("use lower-case letters, digits, _ and -, e.g. %q", suggestID(s)),
				"%s: id must use only a-z, 0-9, _ and -, starting with a letter or digit", label)
		}
		return s, true
	case Enum:
		s, ok := val.(string)
		if !ok {
			v.wrongType(p, label, "a string", val)
			return nil, false
		}
		if !slices.Contains(f.Values, s) {
			v.report("CR003", p, AtValue, didYouMean(s, f.Values, "allowed values"),
				"%s: %s %q is not one of the allowed values", label, f.Name, s)
			v.fix(s, f.Values)
			return nil, false
		}
		return s, true
	case Refs, EnumList, TextList:
		arr, ok := val.([]any)
		if !ok {
			v.wrongType(p, label, "an array of strings", val)
			return nil, false
		}
		// Invalid entries are left out, so rules only ever see strings; when
		// one is, the document remembers where the others were written, so
		// findings about them still point at the right value.
		out := make([]any, 0, len(arr))
		var kept []int
		for i, e := range arr {
			s, ok := e.(string)
			ep := append(p, i)
			switch {
			case !ok:
				v.wrongType(ep, label, "a string", e)
			case f.Kind == EnumList && !slices.Contains(f.Values, s):
				v.report("CR003", ep, AtValue, didYouMean(s, f.Values, "allowed values"),
					"%s: %q in %s is not one of the allowed values", label, s, f.Name)
				v.fix(s, f.Values)
			default:
				out = append(out, s)
				kept = append(kept, i)
				continue
			}
			if kept == nil {
				kept = make([]int, 0, len(arr))
				for j := range i {
					kept = append(kept, j)
				}
			}
		}
		if len(out) < len(arr) {
			v.doc.remap(p, kept)
		}
		return out, true
	}
	return nil, false
}

func (v *validator) wrongType(p Path, label fmt.Stringer, want string, got any) {
	v.report("CR003", p, AtValue, "write it as "+want, "%s: %s must be %s, not %s", label, p, want, typeName(got))
}

// references reports every reference that names no item (CR006).
func (v *validator) references(b *Block, i int, it map[string]any) {
	for _, f := range b.Fields {
		if f.Kind != Refs {
			continue
		}
		refs, _ := it[f.Name].([]any)
		ids := v.ids[f.Target]
		for j, r := range refs {
			s := r.(string)
			if _, ok := ids[s]; ok {
				continue
			}
			known := v.idList(f.Target)
			spell := v.spelled+3*len(known) <= refHintBudget // Closest twice, Suggest once
			if spell {
				v.spelled += 3 * len(known)
			}
			v.report("CR006", v.doc.Written(Path{b.Name, i, f.Name, j}), AtValue,
				v.suggestRef(s, f.Target, known, spell),
				"%s references %s %q, which does not exist", Label(b.Name, i, it), Singular(f.Target), s)
			if spell {
				v.fix(s, known)
			}
		}
	}
}

// idList returns the ids of block, sorted, built on first use.
func (v *validator) idList(block string) []string {
	if ids, ok := v.sortedIDs[block]; ok {
		return ids
	}
	if v.sortedIDs == nil {
		v.sortedIDs = map[string][]string{}
	}
	ids := slices.Sorted(maps.Keys(v.ids[block]))
	v.sortedIDs[block] = ids
	return ids
}

// suggestID turns a written id into a valid one for the hint.
func suggestID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteByte('-')
		}
	}
	out := strings.TrimLeft(b.String(), "_-")
	if out == "" {
		return "item-1"
	}
	return out
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	default:
		return "a date or time"
	}
}
