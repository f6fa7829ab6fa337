package render

import (
	"slices"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// Canvas is a model laid out as a Business Model Canvas, with its findings
// attached to the blocks they concern. Both formats draw from it; it holds
// plain strings, and the templates escape every one of them.
type Canvas struct {
	Name        string
	File        string
	Stage       string
	Description string
	// Blocks are the nine blocks in reading order: Key Partners, Key
	// Activities, Key Resources, Value Propositions, Customer Relationships,
	// Channels, Customer Segments, Cost Structure, Revenue Streams.
	Blocks []*Block
	// Phases are Get, Keep and Grow.
	Phases []*Phase
	// Header holds the findings about the model as a whole (name, stage,
	// unknown top-level keys, a missing file-wide item).
	Header Findings
	// ShowFindings is false for --no-findings.
	ShowFindings bool
	// Total counts every finding drawn.
	Total report.Summary
}

// Block is one of the nine blocks.
type Block struct {
	Key   string // the model's key: "relationships"
	Area  string // the grid area: "cr"
	Title string
	Items []*Item
	// Summary is the [summary] relationships line, shown at the top of the
	// Customer Relationships block.
	Summary *Summary
	// Competitors are shown at the foot of Customer Relationships.
	Competitors []*Competitor
	Findings
}

// Item is one item of a block.
type Item struct {
	Name string
	// ID is shown beside the name when the item has a name of its own.
	ID string
	// Tags are short facts: a kind, a market, an ownership.
	Tags []string
	// Badge is a relationship's type.
	Badge *Badge
	// Expects are the relationship types a segment expects.
	Expects []*Badge
	// Serves names the segments a relationship serves.
	Serves []Ref
	// Phases are the Get/Keep/Grow phases a relationship's motivations
	// name.
	Phases []string
	// Worst is the highest severity of the findings on this item.
	Worst string
}

// Badge is a relationship type drawn as a coloured pill.
type Badge struct {
	Type  string // canonical, "" when the type is missing or invalid
	Label string
	Swatch
}

// Ref names another item; Missing when the reference names nothing.
type Ref struct {
	Name    string
	Missing bool
}

// Summary is the canvas's relationships line.
type Summary struct {
	Text  string
	Worst string
}

// Competitor is a competitor and the relationship types it has.
type Competitor struct {
	Name  string
	Types []*Badge
	Worst string
}

// Phase is Get, Keep or Grow with its tactics.
type Phase struct {
	Key     string // "get"
	Title   string // "Get"
	Purpose string // "acquisition"
	Tactics []*Tactic
	Findings
}

// Tactic is one tactic of a phase.
type Tactic struct {
	Text   string
	Metric string
	Uses   []Ref
	Worst  string
}

// blockSpec names a block: its model key, grid area and title.
type blockSpec struct{ key, area, title string }

// blockSpecs are the nine blocks in reading order.
func blockSpecs() []blockSpec {
	return []blockSpec{
		{"key_partners", "kp", "Key Partners"},
		{"key_activities", "ka", "Key Activities"},
		{"key_resources", "kr", "Key Resources"},
		{"value_propositions", "vp", "Value Propositions"},
		{"relationships", "cr", "Customer Relationships"},
		{"channels", "ch", "Channels"},
		{"segments", "cs", "Customer Segments"},
		{"costs", "cost", "Cost Structure"},
		{"revenue_streams", "rev", "Revenue Streams"},
	}
}

// phaseSpec names a phase: its model key, title and the motivation it serves.
type phaseSpec struct{ key, title, purpose string }

func phaseSpecs() []phaseSpec {
	return []phaseSpec{
		{"get", "Get", "acquisition"},
		{"keep", "Keep", "retention"},
		{"grow", "Grow", "upselling"},
	}
}

// New lays out doc as a canvas and attaches findings to it; findings may be
// nil. A document that did not parse (doc.Input is nil) gives an empty
// canvas: callers report its syntax error instead of drawing it.
func New(doc *model.Document, findings []report.Finding, opts Options) *Canvas {
	in := doc.Input
	c := &Canvas{
		Name:         str(in, "name"),
		File:         doc.File,
		Stage:        str(in, "stage"),
		Description:  str(in, "description"),
		ShowFindings: !opts.NoFindings,
	}
	if c.Name == "" {
		c.Name = "Untitled model"
	}
	segNames := names(items(in, "segments"))
	relNames := names(items(in, "relationships"))

	for _, s := range blockSpecs() {
		b := &Block{Key: s.key, Area: s.area, Title: s.title}
		for _, it := range items(in, s.key) {
			b.Items = append(b.Items, newItem(s.key, it, segNames))
		}
		c.Blocks = append(c.Blocks, b)
	}
	cr := c.block("relationships")
	if sum, ok := in["summary"].(map[string]any); ok {
		if t := str(sum, "relationships"); t != "" {
			cr.Summary = &Summary{Text: t}
		}
	}
	for _, it := range items(in, "competitors") {
		comp := &Competitor{Name: str(it, "name")}
		if comp.Name == "" {
			comp.Name = "competitor"
		}
		for _, t := range strs(it, "relationships") {
			comp.Types = append(comp.Types, newBadge(t))
		}
		cr.Competitors = append(cr.Competitors, comp)
	}
	for _, s := range phaseSpecs() {
		p := &Phase{Key: s.key, Title: s.title, Purpose: s.purpose}
		for _, it := range items(in, s.key) {
			p.Tactics = append(p.Tactics, &Tactic{
				Text:   str(it, "tactic"),
				Metric: str(it, "metric"),
				Uses:   refs(strs(it, "relationships"), relNames),
			})
		}
		c.Phases = append(c.Phases, p)
	}
	if c.ShowFindings {
		fs := slices.Clone(findings)
		report.Sort(fs)
		for _, f := range fs {
			c.attach(f)
		}
	}
	return c
}

func (c *Canvas) block(key string) *Block {
	for _, b := range c.Blocks {
		if b.Key == key {
			return b
		}
	}
	return nil
}

func (c *Canvas) phase(key string) *Phase {
	for _, p := range c.Phases {
		if p.Key == key {
			return p
		}
	}
	return nil
}

func newItem(block string, it map[string]any, segNames map[string]string) *Item {
	item := &Item{Name: str(it, "name"), ID: str(it, "id")}
	if item.Name == "" {
		item.Name, item.ID = item.ID, ""
	}
	if item.Name == "" {
		item.Name = "unnamed " + model.Singular(block)
	}
	tag := func(key string) {
		if v := str(it, key); v != "" {
			item.Tags = append(item.Tags, human(v))
		}
	}
	switch block {
	case "key_partners":
		tag("role")
	case "key_activities", "key_resources", "costs":
		tag("kind")
	case "channels":
		tag("ownership")
	case "segments":
		tag("market")
		for _, t := range strs(it, "expects") {
			item.Expects = append(item.Expects, newBadge(t))
		}
	case "value_propositions":
		item.Serves = refs(strs(it, "segments"), segNames)
	case "revenue_streams":
		tag("type")
		if recurring(it) {
			item.Tags = append(item.Tags, "recurring")
		}
	case "relationships":
		item.Badge = newBadge(str(it, "type"))
		item.Serves = refs(strs(it, "segments"), segNames)
		for _, m := range strs(it, "motivations") {
			if p := phaseOf(m); p != "" && !slices.Contains(item.Phases, p) {
				item.Phases = append(item.Phases, p)
			}
		}
		if v := str(it, "cost_level"); v != "" {
			item.Tags = append(item.Tags, v+" cost")
		}
	}
	return item
}

// recurring applies the format's default: subscription, lending, renting
// and licensing recur unless the stream says otherwise.
func recurring(it map[string]any) bool {
	if v, ok := it["recurring"].(bool); ok {
		return v
	}
	switch str(it, "type") {
	case "subscription", "lending", "renting", "licensing":
		return true
	}
	return false
}

func phaseOf(motivation string) string {
	switch motivation {
	case "acquisition":
		return "Get"
	case "retention":
		return "Keep"
	case "upselling":
		return "Grow"
	}
	return ""
}

func newBadge(t string) *Badge {
	if t == "" {
		return &Badge{Label: "no valid type", Swatch: typeSwatch("")}
	}
	return &Badge{Type: t, Label: human(t), Swatch: typeSwatch(t)}
}
