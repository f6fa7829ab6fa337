package render

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/crlint/crlint/pkg/model"
)

//go:embed templates
var templates embed.FS

// htmlPage is what the HTML template reads: the canvas and the colours,
// which live in Go so that both formats share one palette.
type htmlPage struct {
	*Canvas
	Colors     palette
	Severities []namedSwatch
	Types      []typeStyle
}

type palette struct{ Ink, Text, Muted, Line, Paper, Back, Accent string }

type namedSwatch struct {
	Name string
	Swatch
}

type typeStyle struct {
	Type string
	Swatch
}

func newPalette() palette {
	return palette{Ink: colInk, Text: colText, Muted: colMuted, Line: colLine, Paper: colPaper, Back: colBack, Accent: colAccent}
}

func severities() []namedSwatch {
	out := make([]namedSwatch, 0, 3)
	for _, s := range []string{"error", "warning", "info"} {
		out = append(out, namedSwatch{Name: s, Swatch: severitySwatch(s)})
	}
	return out
}

// funcs are the helpers both templates use.
func funcs() template.FuncMap {
	return template.FuncMap{
		"counts": Counts,
		"add":    func(a, b int) int { return a + b },
		"join": func(lists ...[]string) string {
			var all []string
			for _, l := range lists {
				all = append(all, l...)
			}
			return strings.Join(all, " · ")
		},
	}
}

// parse reads one embedded template. It is parsed per render rather than
// kept in a package variable: rendering is rare and parsing takes well under
// a millisecond.
func parse(name string) (*template.Template, error) {
	t, err := template.New(name).Funcs(funcs()).ParseFS(templates, "templates/"+name)
	if err != nil {
		return nil, fmt.Errorf("parse template %s: %w", name, err)
	}
	return t, nil
}

func writeHTML(w io.Writer, c *Canvas) error {
	t, err := parse("canvas.html.tmpl")
	if err != nil {
		return err
	}
	page := htmlPage{Canvas: c, Colors: newPalette(), Severities: severities()}
	for _, typ := range model.RelationshipTypes {
		page.Types = append(page.Types, typeStyle{Type: typ, Swatch: typeSwatch(typ)})
	}
	if err := t.Execute(w, page); err != nil {
		return fmt.Errorf("render HTML: %w", err)
	}
	return nil
}
