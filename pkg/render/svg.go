package render

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// The SVG page: a fixed width, with the height the content needs.
const (
	svgWidth   = 1400
	svgMargin  = 24
	pad        = 12 // inside a block
	minRow     = 150
	minBottom  = 110
	minPhase   = 90
	legendW    = 470
	headerGap  = 12
	canvasR    = 10
	sectionGap = 18
)

const fontSans = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif"

// svgDoc is what the SVG template reads.
type svgDoc struct {
	W, H   int
	Title  string
	Font   string
	Layers []layer
}

// layer is a group of shapes, clipped to a rounded rectangle when Clip is
// set (so that block backgrounds and accents follow the canvas's corners).
type layer struct {
	ClipID string
	Clip   *shape
	Shapes []shape
}

func writeSVG(w io.Writer, c *Canvas) error {
	t, err := parse("canvas.svg.tmpl")
	if err != nil {
		return err
	}
	if err := t.Execute(w, layoutSVG(c)); err != nil {
		return fmt.Errorf("render SVG: %w", err)
	}
	return nil
}

// layoutSVG places everything: header, the model's own findings, the nine
// blocks, and the Get / Keep / Grow strip.
func layoutSVG(c *Canvas) svgDoc {
	inner := svgWidth - 2*svgMargin
	doc := svgDoc{W: svgWidth, Title: c.Name + " · Business Model Canvas", Font: fontSans}
	page := &box{w: inner}
	svgHeader(page, c, inner)
	if c.ShowFindings && len(c.Header.Notes) > 0 {
		top := page.y
		nb := &box{w: inner - 2*pad, y: pad}
		nb.title(0, inner-2*pad, "Model", "", c.Header.Count, true)
		nb.notes(inner-2*pad, c.Header.Notes)
		page.shapes = append(page.shapes, shape{Kind: "rect", X: 0, Y: top, W: inner, H: nb.y + pad - 3, R: 8, Fill: colPaper, Stroke: colLine})
		page.shapes = append(page.shapes, moved(nb.shapes, pad, top)...)
		page.y = top + nb.y + pad - 3 + headerGap
	}
	doc.Layers = append(doc.Layers, layer{Shapes: moved(page.shapes, svgMargin, svgMargin)})
	y := svgMargin + page.y

	canvas, h := svgCanvas(c, inner)
	doc.Layers = append(doc.Layers, framed("canvas", svgMargin, y, inner, h, canvas)...)
	y += h + sectionGap

	doc.Layers = append(doc.Layers, layer{Shapes: []shape{{Kind: "text", X: svgMargin, Y: y + 11, Size: 11, Weight: "600", Fill: colMuted, Spacing: "1", Spans: []span{{Text: "GET · KEEP · GROW"}}}}})
	y += 20
	strip, h := svgStrip(c, inner)
	doc.Layers = append(doc.Layers, framed("strip", svgMargin, y, inner, h, strip)...)
	doc.H = y + h + svgMargin
	// The page background goes under everything.
	bg := layer{Shapes: []shape{{Kind: "rect", W: doc.W, H: doc.H, Fill: colBack}}}
	doc.Layers = append([]layer{bg}, doc.Layers...)
	return doc
}

// framed returns shapes at (x, y) clipped to a rounded frame, and the
// frame's outline drawn over them.
func framed(id string, x, y, w, h int, shapes []shape) []layer {
	frame := shape{Kind: "rect", X: x, Y: y, W: w, H: h, R: canvasR}
	outline := frame
	outline.Fill, outline.Stroke = "none", colLine
	return []layer{
		{ClipID: "clip-" + id, Clip: &frame, Shapes: moved(shapes, x, y)},
		{Shapes: []shape{outline}},
	}
}

func svgHeader(page *box, c *Canvas, inner int) {
	leftW := inner
	if c.ShowFindings {
		leftW = inner - legendW
	}
	left := &box{w: leftW}
	left.shapes = append(left.shapes, shape{Kind: "text", X: 0, Y: 11, Size: 11, Weight: "600", Fill: colMuted, Spacing: "1", Spans: []span{{Text: "BUSINESS MODEL CANVAS"}}})
	left.y = 17
	name := span{Text: oneLine(c.Name), Weight: "700", Fill: colInk}
	lines := wrap([]span{name}, 24, float64(leftW))
	left.text(0, leftW, 24, colInk, name)
	if c.Stage != "" {
		stage := strings.ToUpper(c.Stage)
		last := 0.0
		if len(lines) > 0 {
			for _, sp := range lines[len(lines)-1] {
				last += measure(sp.Text, 24, sp)
			}
		}
		pw := int(math.Ceil(measure(stage, 11, span{Weight: "600"}))) + 11
		x, y := int(last)+10, left.y-lineHeight(24)+8
		if x+pw > leftW {
			x, y = 0, left.y
			left.y += 22
		}
		left.pill(x, y, 11, stage, Swatch{Fg: colAccent, Bg: colPaper}, colLine, false)
	}
	meta := []span{{Text: oneLine(c.File), Mono: true, Size: 12}}
	if c.Description != "" {
		meta = append(meta, span{Text: " · " + oneLine(c.Description)})
	}
	left.y += 2
	left.text(0, leftW, 13, colMuted, meta...)
	page.shapes = append(page.shapes, left.shapes...)
	bottom := left.y

	if c.ShowFindings {
		right := &box{w: legendW}
		x := inner
		chips := Counts(c.Total)
		if len(chips) == 0 {
			chips = []Count{{Severity: "ok", Swatch: Swatch{Fg: "#16a34a"}}}
		}
		for i := len(chips) - 1; i >= 0; i-- {
			label := chips[i].Label()
			if chips[i].Severity == "ok" {
				label = "no findings"
			}
			w := int(math.Ceil(measure(label, 12, span{Weight: "600"}))) + 16
			x -= w
			right.shapes = append(right.shapes,
				shape{Kind: "rect", X: x, Y: 14, W: w, H: 22, R: 11, Fill: chips[i].Swatch.Fg},
				shape{Kind: "text", X: x + 8, Y: 29, Size: 12, Weight: "600", Fill: "#ffffff", Spans: []span{{Text: label}}})
			x -= 6
		}
		if len(Counts(c.Total)) > 0 {
			svgKey(right, inner)
		}
		page.shapes = append(page.shapes, right.shapes...)
		bottom = max(bottom, 62)
	}
	page.y = bottom + headerGap
}

// svgKey draws the legend right-aligned under the totals: the severity
// colours, the item marker and how line numbers read.
func svgKey(right *box, inner int) {
	type key struct {
		label string
		draw  func(x int) shape
	}
	var keys []key
	for _, s := range severities() {
		sw := s.Swatch
		keys = append(keys, key{s.Name, func(x int) shape { return shape{Kind: "circle", X: x + 5, Y: 51, R: 5, Fill: sw.Fg} }})
	}
	keys = append(keys,
		key{"item with a finding", func(x int) shape {
			return shape{Kind: "rect", X: x + 3, Y: 44, W: 3, H: 14, Fill: severitySwatch("warning").Fg}
		}},
		key{"L12 = line 12", nil})
	x := inner
	for i := len(keys) - 1; i >= 0; i-- {
		k := keys[i]
		w := int(math.Ceil(measure(k.label, 12, span{})))
		x -= w
		right.shapes = append(right.shapes, shape{Kind: "text", X: x, Y: 55, Size: 12, Fill: colMuted, Spans: []span{{Text: k.label}}})
		if k.draw != nil {
			x -= 15
			right.shapes = append(right.shapes, k.draw(x))
		}
		x -= 14
	}
}

// svgCanvas lays out the nine blocks in the standard five-column
// arrangement and returns them with the canvas's height.
func svgCanvas(c *Canvas, inner int) ([]shape, int) {
	colX := func(i int) int { return i * inner / 5 }
	laid := map[string]*box{}
	need := map[string]int{}
	widthOf := func(area string) int {
		switch area {
		case "cost", "rev":
			return inner / 2
		}
		return colX(1) - colX(0)
	}
	for _, b := range c.Blocks {
		w := widthOf(b.Area) - 2*pad
		content := svgBlock(c, b, w)
		laid[b.Area] = content
		need[b.Area] = content.y + pad - 7
	}
	row1 := max(minRow, need["ka"], need["cr"])
	row2 := max(minRow, need["kr"], need["ch"])
	if tall := max(need["kp"], need["vp"], need["cs"]); tall > row1+row2 {
		row2 = tall - row1
	}
	row3 := max(minBottom, need["cost"], need["rev"])
	rects := map[string][4]int{
		"kp":   {colX(0), 0, colX(1) - colX(0), row1 + row2},
		"ka":   {colX(1), 0, colX(2) - colX(1), row1},
		"kr":   {colX(1), row1, colX(2) - colX(1), row2},
		"vp":   {colX(2), 0, colX(3) - colX(2), row1 + row2},
		"cr":   {colX(3), 0, colX(4) - colX(3), row1},
		"ch":   {colX(3), row1, colX(4) - colX(3), row2},
		"cs":   {colX(4), 0, inner - colX(4), row1 + row2},
		"cost": {0, row1 + row2, inner / 2, row3},
		"rev":  {inner / 2, row1 + row2, inner - inner/2, row3},
	}
	var out []shape
	for _, b := range c.Blocks {
		r := rects[b.Area]
		out = append(out, shape{Kind: "rect", X: r[0], Y: r[1], W: r[2], H: r[3], Fill: colPaper, Stroke: colLine})
		if c.ShowFindings && b.Worst != "" {
			out = append(out, shape{Kind: "rect", X: r[0], Y: r[1], W: r[2], H: 3, Fill: severitySwatch(b.Worst).Fg})
		}
		out = append(out, moved(laid[b.Area].shapes, r[0]+pad, r[1])...)
	}
	return out, row1 + row2 + row3
}

// svgStrip lays out Get, Keep and Grow side by side.
func svgStrip(c *Canvas, inner int) ([]shape, int) {
	n := len(c.Phases)
	colX := func(i int) int { return i * inner / n }
	laid := make([]*box, n)
	h := minPhase
	for i, p := range c.Phases {
		w := colX(i+1) - colX(i) - 2*pad
		content := &box{w: w, y: pad}
		content.title(0, w, p.Title, p.Purpose, p.Count, c.ShowFindings)
		svgTactics(content, c, p, w)
		if c.ShowFindings && len(p.Notes) > 0 {
			content.y += 2
			content.notes(w, p.Notes)
		}
		laid[i] = content
		h = max(h, content.y+pad-3)
	}
	var out []shape
	for i, p := range c.Phases {
		x, w := colX(i), colX(i+1)-colX(i)
		out = append(out, shape{Kind: "rect", X: x, Y: 0, W: w, H: h, Fill: colPaper, Stroke: colLine})
		if c.ShowFindings && p.Worst != "" {
			out = append(out, shape{Kind: "rect", X: x, Y: 0, W: w, H: 3, Fill: severitySwatch(p.Worst).Fg})
		}
		out = append(out, moved(laid[i].shapes, x+pad, 0)...)
	}
	return out, h
}
