package render

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

func TestSplitPath(t *testing.T) {
	for _, tc := range []struct {
		path  string
		head  string
		index int
	}{
		{"relationships[2].costs", "relationships", 2},
		{"relationships[0]", "relationships", 0},
		{"segments[1].expects[0]", "segments", 1},
		{"summary.relationships", "summary", -1},
		{"get", "get", -1},
		{"stage", "stage", -1},
		{"", "", -1},
		{`"odd key"`, `"odd key"`, -1},
		{"keep[x]", "keep", -1},
	} {
		head, index := splitPath(tc.path)
		if head != tc.head || index != tc.index {
			t.Errorf("splitPath(%q) = %q, %d; want %q, %d", tc.path, head, index, tc.head, tc.index)
		}
	}
}

// TestFindingsLandOnTheirBlock checks the path-prefix mapping of findings
// to blocks, items and the header.
func TestFindingsLandOnTheirBlock(t *testing.T) {
	src, err := os.ReadFile("testdata/findings.toml")
	if err != nil {
		t.Fatal(err)
	}
	doc := model.Load("findings.toml", src)
	f := func(path string, sev report.Severity) report.Finding {
		return report.Finding{Code: "CR" + path, Severity: sev, Path: path, Line: 1, Column: 1}
	}
	c := New(doc, []report.Finding{
		f("relationships[1].costs", report.Error),
		f("summary.relationships", report.Warning),
		f("competitors[0].relationships", report.Info),
		f("segments[2]", report.Warning),
		f("key_resources[0].kind", report.Info),
		f("key_partners[0]", report.Info),
		f("key_activities", report.Info),
		f("value_propositions[0].segments[0]", report.Error),
		f("channels[1]", report.Info),
		f("revenue_streams[0]", report.Info),
		f("costs[1]", report.Warning),
		f("get[1]", report.Info),
		f("keep", report.Warning),
		f("grow", report.Error),
		f("stage", report.Warning),
		f("name", report.Error),
		f("", report.Info),
		f("owner", report.Error),
	}, Options{})

	where := map[string][]string{}
	for _, b := range c.Blocks {
		for _, n := range b.Notes {
			where[b.Area] = append(where[b.Area], n.Code[2:])
		}
	}
	for _, p := range c.Phases {
		for _, n := range p.Notes {
			where[p.Key] = append(where[p.Key], n.Code[2:])
		}
	}
	for _, n := range c.Header.Notes {
		where["header"] = append(where["header"], n.Code[2:])
	}
	want := map[string][]string{
		"cr":     {"relationships[1].costs", "summary.relationships", "competitors[0].relationships"},
		"cs":     {"segments[2]"},
		"kr":     {"key_resources[0].kind"},
		"kp":     {"key_partners[0]"},
		"ka":     {"key_activities"},
		"vp":     {"value_propositions[0].segments[0]"},
		"ch":     {"channels[1]"},
		"rev":    {"revenue_streams[0]"},
		"cost":   {"costs[1]"},
		"get":    {"get[1]"},
		"keep":   {"keep"},
		"grow":   {"grow"},
		"header": {"stage", "name", "", "owner"},
	}
	for k, w := range want {
		slices.Sort(w)
		got := where[k]
		slices.Sort(got)
		if !slices.Equal(got, w) {
			t.Errorf("%s holds %q, want %q", k, got, w)
		}
	}

	cr := c.block("relationships")
	if cr.Items[1].Worst != "error" || cr.Items[0].Worst != "" {
		t.Errorf("relationship markers: %q, %q; want \"\", error", cr.Items[0].Worst, cr.Items[1].Worst)
	}
	if cr.Summary.Worst != "warning" || cr.Competitors[0].Worst != "info" {
		t.Errorf("summary %q, competitor %q", cr.Summary.Worst, cr.Competitors[0].Worst)
	}
	if cr.Count != (report.Summary{Error: 1, Warning: 1, Info: 1}) || cr.Worst != "error" {
		t.Errorf("CR count %+v worst %q", cr.Count, cr.Worst)
	}
	if c.phase("get").Tactics[1].Worst != "info" {
		t.Error("get[1] is not marked")
	}
	if c.Total != (report.Summary{Error: 5, Warning: 5, Info: 8}) {
		t.Errorf("total %+v", c.Total)
	}
}

func TestCanvasContent(t *testing.T) {
	src, err := os.ReadFile("testdata/findings.toml")
	if err != nil {
		t.Fatal(err)
	}
	c := New(model.Load("findings.toml", src), nil, Options{})
	cr := c.block("relationships")
	trainers := cr.Items[1]
	if trainers.Name != "Personal trainers" || trainers.ID != "trainers" {
		t.Errorf("name %q id %q", trainers.Name, trainers.ID)
	}
	if trainers.Badge.Type != "dedicated_personal_assistance" || trainers.Badge.Label != "dedicated personal assistance" {
		t.Errorf("badge %+v", trainers.Badge)
	}
	if want := []Ref{{Name: "Fitness beginners"}, {Name: "comuters", Missing: true}}; !slices.Equal(trainers.Serves, want) {
		t.Errorf("serves %+v, want %+v", trainers.Serves, want)
	}
	if !slices.Equal(trainers.Phases, []string{"Get", "Grow"}) {
		t.Errorf("phases %q", trainers.Phases)
	}
	if club := cr.Items[2]; club.Badge.Type != "" || club.Badge.Label != "no valid type" {
		t.Errorf("an invalid type shows as %+v", club.Badge)
	}
	if cr.Summary == nil || !strings.HasPrefix(cr.Summary.Text, "Self-service app") {
		t.Errorf("summary %+v", cr.Summary)
	}
	if rev := c.block("revenue_streams"); !slices.Contains(rev.Items[0].Tags, "recurring") || slices.Contains(rev.Items[1].Tags, "recurring") {
		t.Error("subscription is recurring by default, usage_fee is not")
	}
	if g := c.phase("grow"); len(g.Tactics) != 0 {
		t.Errorf("grow has %d tactics", len(g.Tactics))
	}

	// An item without a name is called by its id.
	doc := model.Load("m.toml", []byte("name = \"m\"\n[[relationships]]\nid = \"r1\"\ntype = \"fans\"\n"))
	it := New(doc, nil, Options{}).block("relationships").Items[0]
	if it.Name != "r1" || it.ID != "" {
		t.Errorf("unnamed item: name %q id %q", it.Name, it.ID)
	}
}

func TestWrap(t *testing.T) {
	text := "Referrals from existing clients' accountants and a deliberately long word: Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz"
	for _, width := range []float64{60, 120, 200, 400} {
		lines := wrap([]span{{Text: "Bold start "}, {Text: text, Weight: "600"}}, 12, width)
		var got strings.Builder
		for i, l := range lines {
			w := 0.0
			for _, sp := range l {
				w += measure(sp.Text, 12, sp)
				got.WriteString(sp.Text)
			}
			if w > width+0.01 {
				t.Errorf("width %v: line %d is %.1f wide: %v", width, i, w, l)
			}
			got.WriteString(" ")
		}
		// Wrapping only moves spaces: the words are all there, in order.
		joined := strings.Join(strings.Fields(got.String()), "")
		want := strings.Join(strings.Fields("Bold start "+text), "")
		if joined != want {
			t.Errorf("width %v: wrapped text is %q, want %q", width, joined, want)
		}
	}
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{"a.html": HTML, "b.HTM": HTML, "dir.x/c.svg": SVG, "d.png": "", "e": ""} {
		got, ok := FormatOf(path)
		if got != want || ok != (want != "") {
			t.Errorf("FormatOf(%q) = %q, %v", path, got, ok)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat accepted pdf")
	}
}
