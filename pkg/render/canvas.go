package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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

// Findings are the findings drawn on one part of the canvas.
type Findings struct {
	Notes []Note
	Count report.Summary
	// Worst is the highest severity among Notes, "" when there are none.
	Worst string
}

func (f *Findings) add(n Note) {
	f.Notes = append(f.Notes, n)
	switch n.Severity {
	case "error":
		f.Count.Error++
	case "warning":
		f.Count.Warning++
	case "info":
		f.Count.Info++
	}
	f.Worst = worse(f.Worst, n.Severity)
}

// Note is one finding as the canvas lists it.
type Note struct {
	Severity string
	Code     string
	Rule     string
	Message  string
	Line     int
	Column   int
	Swatch   Swatch
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

// New lays out doc as a canvas and attaches findings to it. doc must have
// parsed (doc.Input is not nil); findings may be nil.
func New(doc *model.Document, findings []report.Finding, opts Options) *Canvas {
	in := doc.Input
	c := &Canvas{
		Name:         str(in, "name"),
		File:         doc.File,
		Stage:        str(in, "stage"),
		Description:  str(in, "description"),
		ShowFindings: !opts.NoFindings,
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

// attach draws a finding on the part of the canvas its path names: the
// block of the path's first key (summary and competitors belong to Customer
// Relationships, get/keep/grow to the strip), and the item its index names.
// Everything else is about the model as a whole and goes to the header.
func (c *Canvas) attach(f report.Finding) {
	sev := f.Severity.String()
	n := Note{
		Severity: sev, Code: f.Code, Rule: f.Rule, Message: f.Message,
		Line: f.Line, Column: f.Column, Swatch: severitySwatch(sev),
	}
	c.Total.Error += b2i(sev == "error")
	c.Total.Warning += b2i(sev == "warning")
	c.Total.Info += b2i(sev == "info")
	head, index := splitPath(f.Path)
	switch head {
	case "summary":
		b := c.block("relationships")
		b.add(n)
		if b.Summary != nil {
			b.Summary.Worst = worse(b.Summary.Worst, sev)
		}
		return
	case "competitors":
		b := c.block("relationships")
		b.add(n)
		if index >= 0 && index < len(b.Competitors) {
			b.Competitors[index].Worst = worse(b.Competitors[index].Worst, sev)
		}
		return
	case "get", "keep", "grow":
		p := c.phase(head)
		p.add(n)
		if index >= 0 && index < len(p.Tactics) {
			p.Tactics[index].Worst = worse(p.Tactics[index].Worst, sev)
		}
		return
	}
	if b := c.block(head); b != nil {
		b.add(n)
		if index >= 0 && index < len(b.Items) {
			b.Items[index].Worst = worse(b.Items[index].Worst, sev)
		}
		return
	}
	c.Header.add(n)
}

// splitPath returns a finding path's first key and, when an index follows
// it, that index (-1 otherwise): "relationships[2].costs" is
// ("relationships", 2).
func splitPath(p string) (head string, index int) {
	end := strings.IndexAny(p, ".[")
	if end < 0 {
		return p, -1
	}
	head, rest := p[:end], p[end:]
	if !strings.HasPrefix(rest, "[") {
		return head, -1
	}
	close := strings.IndexByte(rest, ']')
	if close < 0 {
		return head, -1
	}
	i, err := strconv.Atoi(rest[1:close])
	if err != nil {
		return head, -1
	}
	return head, i
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

// refs names the items ids refer to, by name when they have one.
func refs(ids []string, byID map[string]string) []Ref {
	out := make([]Ref, 0, len(ids))
	for _, id := range ids {
		name, ok := byID[id]
		if !ok {
			out = append(out, Ref{Name: id, Missing: true})
			continue
		}
		out = append(out, Ref{Name: name})
	}
	return out
}

// names maps each item's id to its name, or to the id when it has none.
func names(list []map[string]any) map[string]string {
	m := make(map[string]string, len(list))
	for _, it := range list {
		id := str(it, "id")
		if id == "" {
			continue
		}
		if _, dup := m[id]; dup {
			continue
		}
		if n := str(it, "name"); n != "" {
			m[id] = n
		} else {
			m[id] = id
		}
	}
	return m
}

func items(in map[string]any, key string) []map[string]any {
	list, _ := in[key].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, v := range list {
		if m, ok := v.(map[string]any); ok {
			out = append(out, m)
		} else {
			// Keep indices aligned with the file so findings land on the
			// right item.
			out = append(out, map[string]any{})
		}
	}
	return out
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return strings.TrimSpace(s)
}

func strs(m map[string]any, key string) []string {
	var out []string
	switch v := m[key].(type) {
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	case []string:
		out = append(out, v...)
	}
	return out
}

// worse returns the higher of two severities ("" is lowest).
func worse(a, b string) string {
	if rank(b) > rank(a) {
		return b
	}
	return a
}

func rank(sev string) int {
	switch sev {
	case "info":
		return 1
	case "warning":
		return 2
	case "error":
		return 3
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Counts lists a summary's non-zero counts, highest severity first, for
// the chips beside a block's title.
func Counts(s report.Summary) []Count {
	var out []Count
	for _, c := range []Count{{"error", s.Error, severitySwatch("error")}, {"warning", s.Warning, severitySwatch("warning")}, {"info", s.Info, severitySwatch("info")}} {
		if c.N > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Count is one severity's count.
type Count struct {
	Severity string
	N        int
	Swatch   Swatch
}

// Label is "2 errors", "1 warning".
func (c Count) Label() string {
	if c.N == 1 {
		return fmt.Sprintf("1 %s", c.Severity)
	}
	if c.Severity == "info" {
		return fmt.Sprintf("%d info", c.N)
	}
	return fmt.Sprintf("%d %ss", c.N, c.Severity)
}
