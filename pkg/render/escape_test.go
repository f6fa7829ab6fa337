package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/render"
	"github.com/crlint/crlint/pkg/report"
)

// hostile puts markup and quotes in every free-text field a canvas shows.
const hostile = `
name        = "<script>alert(\"name\")</script>"
description = "Tom's \"best\" <b>bank</b> & co"
stage       = "growth"

[summary]
relationships = "<script>alert('summary')</script> personal assistance"

[[segments]]
id       = "s"
name     = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
market   = "mass"

[[relationships]]
id       = "r"
name     = "</text><script>alert(3)</script>"
type     = "personal_assistance"
segments = ["s", "<script>"]

[[key_partners]]
id   = "p"
name = "' onmouseover='alert(4)"

[[get]]
tactic        = "<script>alert(5)</script>"
metric        = "]]><script>alert(6)</script>"
relationships = ["r"]

[[competitors]]
name          = "<style>body{display:none}</style>"
relationships = ["self_service"]
`

func TestUserTextIsEscaped(t *testing.T) {
	doc := model.Load(`<script>file.toml`, []byte(hostile))
	if doc.Input == nil {
		t.Fatalf("fixture does not parse: %v", doc.Problems)
	}
	fs := []report.Finding{
		{Code: "CR999", Rule: `x"><script>`, Severity: report.Error, Message: `message <script>alert("finding")</script>`, Line: 2, Column: 1, Path: "name"},
		{Code: "CR998", Rule: "r", Severity: report.Warning, Message: `<script>`, Line: 14, Column: 1, Path: "relationships[0].segments[1]"},
	}
	for _, f := range []render.Format{render.HTML, render.SVG} {
		var buf bytes.Buffer
		if err := render.Render(&buf, f, render.New(doc, fs, render.Options{})); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, raw := range []string{"<script", "<img", "<b>", "<style>body", `alert("`, `alert('`, `onmouseover='`, "]]><", "</text><"} {
			if strings.Contains(strings.ToLower(out), strings.ToLower(raw)) {
				t.Errorf("%s output contains raw %q", f, raw)
			}
		}
		for _, esc := range []string{"&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;", "Tom&#39;s &#34;best&#34; &lt;b&gt;bank&lt;/b&gt; &amp; co", "&lt;script&gt;alert(5)&lt;/script&gt;"} {
			if !strings.Contains(out, esc) {
				t.Errorf("%s output lacks the escaped text %q", f, esc)
			}
		}
		if f == render.SVG {
			wellFormed(t, buf.Bytes())
		}
	}
}

// TestSelfContained checks that nothing in the output is fetched or run:
// no scripts, links, imports, external URLs or event handlers.
func TestSelfContained(t *testing.T) {
	onAttr := regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	for _, tc := range goldenCases {
		for _, f := range []render.Format{render.HTML, render.SVG} {
			var buf bytes.Buffer
			if err := render.Render(&buf, f, loadCanvas(t, tc.model, tc.findings, render.Options{})); err != nil {
				t.Fatal(err)
			}
			out := strings.ToLower(buf.String())
			// The SVG namespace is a name, not something fetched.
			out = strings.ReplaceAll(out, `xmlns="http://www.w3.org/2000/svg"`, "")
			for _, bad := range []string{"<script", "<link", "@import", "http:", "https:", "//fonts", "<img", "<iframe", "<object", "javascript:"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s %s contains %q", tc.name, f, bad)
				}
			}
			if onAttr.MatchString(out) {
				t.Errorf("%s %s has an event handler attribute: %q", tc.name, f, onAttr.FindString(out))
			}
			for _, m := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllStringSubmatch(out, -1) {
				if !strings.HasPrefix(m[1], "#") {
					t.Errorf("%s %s refers to url(%s)", tc.name, f, m[1])
				}
			}
		}
	}
}
