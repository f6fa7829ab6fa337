package render

import (
	"math"
	"strconv"
)

// shape is one SVG element. The SVG template draws shapes in order; the
// layout code decides every coordinate.
type shape struct {
	Kind    string // rect, circle, line, text
	X, Y    int
	W, H    int // rect size; line end is X+W, Y+H
	R       int // rect corner radius, circle radius
	Fill    string
	Stroke  string
	Dash    bool
	Size    int    // text
	Weight  string // text
	Italic  bool
	Anchor  string // text: "end" to right-align
	Spacing string // text: letter-spacing
	Spans   []span // text
}

// box lays out content top to bottom in a column of a given width, with a
// cursor y. Shapes are relative to the box's top left; place moves them.
type box struct {
	w      int
	y      int
	shapes []shape
}

// lineHeight is the line spacing of text set at size px.
func lineHeight(size int) int { return int(math.Round(float64(size) * 1.38)) }

// baseline is where text at size px sits in a line that starts at top.
func baseline(top, size int) int {
	return top + int(math.Round((float64(lineHeight(size))+float64(size)*0.7)/2))
}

// text wraps spans at x within width and advances the cursor; it returns
// the number of lines.
func (b *box) text(x, width, size int, fill string, spans ...span) int {
	lines := wrap(spans, size, float64(width))
	lh := lineHeight(size)
	for _, l := range lines {
		b.shapes = append(b.shapes, shape{Kind: "text", X: x, Y: baseline(b.y, size), Size: size, Fill: fill, Spans: l})
		b.y += lh
	}
	return len(lines)
}

// pill draws a rounded label at (x, y) and returns its width. stroke
// outlines it; dashed outlines it with a dashed line in its text colour,
// for a badge that stands for something missing.
func (b *box) pill(x, y, size int, label string, sw Swatch, stroke string, dashed bool) int {
	w := int(math.Ceil(measure(label, size, span{Weight: "600"}))) + size
	h := size + 7
	sh := shape{Kind: "rect", X: x, Y: y, W: w, H: h, R: h / 2, Fill: sw.Bg, Stroke: stroke}
	if dashed {
		sh.Stroke, sh.Dash = sw.Fg, true
	}
	b.shapes = append(b.shapes, sh,
		shape{Kind: "text", X: x + w/2, Y: y + h/2 + int(math.Round(float64(size)*0.36)), Size: size, Weight: "600", Fill: sw.Fg, Anchor: "middle", Spans: []span{{Text: label}}})
	return w
}

// pills lays out badges left to right from x, wrapping within width, after
// an optional leading label; it advances the cursor past them.
func (b *box) pills(x, width, size int, label string, badges []*Badge) {
	h := size + 7
	cx := x
	if label != "" {
		b.shapes = append(b.shapes, shape{Kind: "text", X: cx, Y: b.y + h/2 + int(math.Round(float64(size)*0.36)), Size: size + 1, Fill: colMuted, Spans: []span{{Text: label}}})
		cx += int(math.Ceil(measure(label+" ", size+1, span{})))
	}
	for _, bd := range badges {
		w := int(math.Ceil(measure(bd.Label, size, span{Weight: "600"}))) + size
		if cx > x && cx+w > x+width {
			cx = x
			b.y += h + 3
		}
		b.pill(cx, b.y, size, bd.Label, bd.Swatch, "", bd.Type == "")
		cx += w + 4
	}
	b.y += h + 3
}

// counts draws severity chips right-aligned so that they end at right,
// centred on the line at y.
func (b *box) counts(right, y int, cs []Count) {
	x := right
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		label := strconv.Itoa(c.N)
		w := int(math.Ceil(measure(label, 11, span{Weight: "700"}))) + 12
		if w < 20 {
			w = 20
		}
		x -= w
		b.shapes = append(b.shapes,
			shape{Kind: "rect", X: x, Y: y - 9, W: w, H: 18, R: 9, Fill: c.Swatch.Fg},
			shape{Kind: "text", X: x + w/2, Y: y + 4, Size: 11, Weight: "700", Fill: "#ffffff", Anchor: "middle", Spans: []span{{Text: label}}})
		x -= 4
	}
}

// notes draws a finding list: a tinted row per finding with a dot, the line
// number, the code and the message.
func (b *box) notes(width int, ns []Note) {
	if len(ns) == 0 {
		return
	}
	b.shapes = append(b.shapes, shape{Kind: "line", X: 0, Y: b.y, W: width, Fill: "", Stroke: colLine})
	b.y += 6
	for _, n := range ns {
		top := b.y
		row := &box{w: width - 24, y: top + 3}
		row.text(18, width-24, 11, colText,
			span{Text: "L" + strconv.Itoa(n.Line) + "  ", Mono: true, Fill: colMuted, Size: 10},
			span{Text: n.Code + "  ", Weight: "700", Fill: n.Swatch.Fg, Size: 10},
			span{Text: oneLine(n.Message)})
		h := row.y - top + 3
		b.shapes = append(b.shapes,
			shape{Kind: "rect", X: 0, Y: top, W: width, H: h, R: 4, Fill: n.Swatch.Bg},
			shape{Kind: "circle", X: 9, Y: top + 3 + lineHeight(11)/2, R: 4, Fill: n.Swatch.Fg})
		b.shapes = append(b.shapes, row.shapes...)
		b.y = top + h + 3
	}
}

// marker draws the coloured bar beside an item with a finding.
func (b *box) marker(top int, sev string) {
	if sev == "" {
		return
	}
	b.shapes = append(b.shapes, shape{Kind: "rect", X: 0, Y: top, W: 3, H: b.y - top, Fill: severitySwatch(sev).Fg})
}

// moved returns shapes translated by (dx, dy).
func moved(shapes []shape, dx, dy int) []shape {
	out := make([]shape, len(shapes))
	for i, s := range shapes {
		s.X += dx
		s.Y += dy
		out[i] = s
	}
	return out
}
