package lint

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/crlint/crlint/pkg/model"
)

// evalCounter counts topdown's evaluation steps: a measure of the rules'
// work that, unlike time, is the same on every machine.
type evalCounter struct{ n int }

func (c *evalCounter) Enabled() bool               { return true }
func (c *evalCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }
func (c *evalCounter) TraceEvent(ev topdown.Event) {
	if ev.Op == topdown.EvalOp || ev.Op == topdown.RedoOp {
		c.n++
	}
}

// linearShapes write models whose size grows with n in one direction each,
// the ways a model can be large: many items, or items that name many
// others. Each is a shape some rule once handled in quadratic time, or
// could.
var linearShapes = map[string]func(n int) string{
	// One relationship naming n segments and n channels, each channel
	// serving one segment: CR211 looped over every pair (100 s at 4,000).
	"one relationship, n segments and n channels": func(n int) string {
		var b strings.Builder
		b.WriteString("name = \"M\"\nsegments = [\n")
		for i := range n {
			fmt.Fprintf(&b, "{id=\"s%d\",name=\"S%d\"},\n", i, i)
		}
		b.WriteString("]\nchannels = [\n")
		for i := range n {
			fmt.Fprintf(&b, "{id=\"c%d\",name=\"C%d\",segments=[\"s0\"]},\n", i, i)
		}
		b.WriteString("]\nvalue_propositions = [\n")
		for i := range n {
			fmt.Fprintf(&b, "{id=\"v%d\",name=\"V%d\",segments=[\"s0\"]},\n", i, i)
		}
		b.WriteString("]\nrelationships = [{id=\"r\",type=\"personal_assistance\",segments=[")
		for i := range n {
			fmt.Fprintf(&b, "\"s%d\",", i)
		}
		b.WriteString("],channels=[")
		for i := range n {
			fmt.Fprintf(&b, "\"c%d\",", i)
		}
		b.WriteString("],value_propositions=[")
		for i := range n {
			fmt.Fprintf(&b, "\"v%d\",", i)
		}
		b.WriteString("]}]\n")
		return b.String()
	},
	// n relationships linking one channel and one value proposition that
	// serve n segments each.
	"n relationships, one channel serving n segments": func(n int) string {
		var b strings.Builder
		b.WriteString("name = \"M\"\nsegments = [\n")
		for i := range n {
			fmt.Fprintf(&b, "{id=\"s%d\",name=\"S%d\",expects=[\"personal_assistance\"]},\n", i, i)
		}
		all := make([]string, n)
		for i := range n {
			all[i] = fmt.Sprintf("%q", fmt.Sprintf("s%d", i))
		}
		fmt.Fprintf(&b, "]\nchannels = [{id=\"c\",name=\"C\",segments=[%s]}]\n", strings.Join(all, ","))
		fmt.Fprintf(&b, "value_propositions = [{id=\"v\",name=\"V\",segments=[%s]}]\n", strings.Join(all, ","))
		fmt.Fprintf(&b, "revenue_streams = [{id=\"rs\",name=\"RS\",type=\"subscription\",segments=[%s]}]\n", strings.Join(all, ","))
		b.WriteString("relationships = [\n")
		for i := range n {
			fmt.Fprintf(&b, "{id=\"r%d\",type=\"long_term\",segments=[\"s%d\"],channels=[\"c\"],value_propositions=[\"v\"],motivations=[\"retention\"]},\n", i, i)
		}
		b.WriteString("]\n")
		return b.String()
	},
	// m relationships of every type, each naming m items of every block
	// it links (m = n/4: the model grows as n²), the items linking back.
	"m relationships each naming m items of every block": func(n int) string {
		m := n / 4
		var b strings.Builder
		b.WriteString("name = \"M\"\n")
		blocks := []struct{ block, key, extra string }{
			{"segments", "segments", ""},
			{"channels", "channels", `, segments = ["segments0"]`},
			{"value_propositions", "value_propositions", `, segments = ["segments1"]`},
			{"key_resources", "resources", `, kind = "human"`},
			{"key_activities", "activities", ""},
			{"key_partners", "partners", ""},
			{"costs", "costs", ""},
			{"revenue_streams", "", `, type = "subscription", segments = ["segments2"]`},
		}
		for _, bl := range blocks {
			for i := range m {
				fmt.Fprintf(&b, "[[%s]]\nid = \"%s%d\"\nname = \"N\"%s\n", bl.block, bl.block, i, strings.ReplaceAll(bl.extra, ", ", "\n"))
			}
		}
		types := []string{"personal_assistance", "dedicated_personal_assistance", "self_service", "automated_services", "community", "co_creation", "long_term", "switching_costs", "direct", "indirect", "transactional", "fans"}
		for r := range m {
			fmt.Fprintf(&b, "[[relationships]]\nid = \"r%d\"\ntype = %q\nmotivations = [\"retention\"]\n", r, types[r%len(types)])
			for _, bl := range blocks {
				if bl.key == "" {
					continue
				}
				ids := make([]string, m)
				for i := range m {
					ids[i] = fmt.Sprintf("%q", fmt.Sprintf("%s%d", bl.block, (i+r)%m))
				}
				fmt.Fprintf(&b, "%s = [%s]\n", bl.key, strings.Join(ids, ","))
			}
		}
		return b.String()
	},
	// Long-term relationships and one-off revenue streams, one each a
	// segment (CR207 looks for a recurring stream per segment), and
	// competitors with every type.
	"n segments, long-term relationships, streams and competitors": func(n int) string {
		var b strings.Builder
		b.WriteString("name = \"M\"\n")
		for i := range n {
			fmt.Fprintf(&b, "[[segments]]\nid = \"s%d\"\nname = \"S%d\"\nexpects = [\"long_term\", \"personal_assistance\"]\n", i, i)
			fmt.Fprintf(&b, "[[revenue_streams]]\nid = \"rs%d\"\nname = \"RS%d\"\ntype = \"asset_sale\"\nsegments = [\"s%d\"]\n", i, i, i)
			fmt.Fprintf(&b, "[[relationships]]\nid = \"r%d\"\ntype = \"long_term\"\nsegments = [\"s%d\"]\nmotivations = [\"retention\"]\n", i, i)
			fmt.Fprintf(&b, "[[competitors]]\nname = \"C%d\"\nrelationships = [\"long_term\", \"self_service\", \"transactional\"]\n", i)
		}
		return b.String()
	},
	// A summary line of n words naming relationship types.
	"a summary of n words": func(n int) string {
		words := make([]string, n)
		for i := range words {
			words[i] = []string{"self-service", "and", "personal", "assistance", "with", "communities"}[i%6]
		}
		return fmt.Sprintf("name = \"M\"\n[summary]\nrelationships = %q\n[[segments]]\nid = \"s\"\nname = \"S\"\n", strings.Join(words, " "))
	},
	// Tactics of every phase, each referencing every relationship (n/4 of
	// each: the model grows as n²).
	"n/4 tactics a phase referencing n/4 relationships": func(n int) string {
		n /= 4
		var b strings.Builder
		b.WriteString("name = \"M\"\nsegments = [{id=\"s\",name=\"S\"}]\nrelationships = [\n")
		ids := make([]string, n)
		for i := range n {
			fmt.Fprintf(&b, "{id=\"r%d\",type=\"transactional\",segments=[\"s\"],motivations=[\"acquisition\"]},\n", i)
			ids[i] = fmt.Sprintf("\"r%d\"", i)
		}
		b.WriteString("]\n")
		for _, phase := range []string{"get", "keep", "grow"} {
			fmt.Fprintf(&b, "%s = [\n", phase)
			for i := range n {
				fmt.Fprintf(&b, "{tactic=\"T%d\",relationships=[%s]},\n", i, strings.Join(ids, ","))
			}
			b.WriteString("]\n")
		}
		return b.String()
	},
}

// exampleCopies is every example model n times over, as one model: each
// copy's ids (and the references to them) carry the copy's number, so
// every item links as many others as in the example, and the model has n
// times as many of each. A rule that scans a block for each item of
// another is quadratic here.
func exampleCopies(t *testing.T, n int) string {
	t.Helper()
	paths, err := filepath.Glob("../../examples/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string]any{"name": "Copies"}
	for _, p := range paths {
		var m map[string]any
		if _, err := toml.DecodeFile(p, &m); err != nil {
			t.Fatal(err)
		}
		for _, b := range model.Blocks {
			items, _ := m[b.Name].([]map[string]any)
			for k := range n {
				suffix := fmt.Sprintf("-%s-%d", strings.TrimSuffix(filepath.Base(p), ".toml"), k)
				for _, it := range items {
					c := maps.Clone(it)
					if id, ok := c["id"].(string); ok && b.HasID {
						c["id"] = id + suffix
					}
					for _, f := range b.Fields {
						if refs, ok := c[f.Name].([]any); ok && f.Kind == model.Refs {
							renamed := make([]any, len(refs))
							for i, r := range refs {
								renamed[i] = fmt.Sprint(r) + suffix
							}
							c[f.Name] = renamed
						}
					}
					list, _ := out[b.Name].([]map[string]any)
					out[b.Name] = append(list, c)
				}
			}
		}
	}
	var buf strings.Builder
	if err := toml.NewEncoder(&buf).Encode(out); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestRulesLinear requires the built-in rules' work to grow linearly with
// the model in every shape above: a model four times the size (or sixteen,
// for a shape that grows as n²) may cost at most 1.5 times as many more
// evaluation steps as it has more bytes (ids of fixed length undercount a
// shape of n² references); quadratic work would cost four
// times more again. Steps are counted, not timed, so the test holds on any
// machine.
func TestRulesLinear(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	steps := func(src string) int {
		doc := model.Load("m.toml", []byte(src))
		if doc.Input == nil {
			t.Fatalf("the model does not load: %v", doc.Problems)
		}
		input, err := inputValue(doc.Input)
		if err != nil {
			t.Fatal(err)
		}
		c := &evalCounter{}
		txn, err := e.store.NewTransaction(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer e.store.Abort(ctx, txn)
		_, err = topdown.NewQuery(e.query).WithCompiler(e.compiler).WithStore(e.store).WithTransaction(txn).
			WithVirtualCache(newItemCache()).WithInput(ast.NewTerm(input)).WithQueryTracer(c).Run(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c.n
	}
	shapes := maps.Clone(linearShapes)
	shapes["n copies of every example"] = func(n int) string { return exampleCopies(t, n/10) }
	const n = 60
	for name, shape := range shapes {
		a, b := shape(n), shape(4*n)
		small, large := steps(a), steps(b)
		grew, cost := float64(len(b))/float64(len(a)), float64(large)/float64(small)
		t.Logf("%s: %d bytes, %d steps at %d; ×%.1f bytes, ×%.1f steps at %d", name, len(a), small, n, grew, cost, 4*n)
		if cost > 1.5*grew {
			t.Errorf("%s: ×%.1f the bytes cost ×%.1f the evaluation steps (%d → %d): more than linear", name, grew, cost, small, large)
		}
	}
}
