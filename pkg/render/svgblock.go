package render

import (
	"strings"

	"github.com/crlint/crlint/pkg/report"
)

// title draws a block's title row: the title in capitals, an optional
// smaller subtitle, and the severity counts at the right.
func (b *box) title(x, width int, title, sub string, count report.Summary, showCounts bool) {
	spans := []span{{Text: strings.ToUpper(title)}}
	if sub != "" {
		spans = append(spans, span{Text: "  " + strings.ToUpper(sub), Fill: colMuted, Size: 10})
	}
	b.shapes = append(b.shapes, shape{Kind: "text", X: x, Y: b.y + 11, Size: 11, Weight: "700", Fill: colAccent, Spacing: "0.8", Spans: spans})
	if showCounts {
		b.counts(x+width, b.y+7, Counts(count))
	}
	b.y += 24
}

// svgBlock lays out one block's content from the top: title, summary,
// items, competitors, and the list of its findings.
func svgBlock(c *Canvas, bl *Block, w int) *box {
	content := &box{w: w, y: pad}
	content.title(0, w, bl.Title, "", bl.Count, c.ShowFindings)
	if s := bl.Summary; s != nil {
		top := content.y
		inner := &box{w: w - 16, y: top + 5}
		inner.shapes = append(inner.shapes, shape{Kind: "text", X: 10, Y: inner.y + 8, Size: 9, Weight: "700", Fill: colMuted, Spacing: "0.8", Spans: []span{{Text: "SUMMARY"}}})
		inner.y += 11
		inner.text(10, w-16, 12, colInk, span{Text: oneLine(s.Text), Italic: true})
		h := inner.y - top + 5
		bar := colAccent
		if c.ShowFindings && s.Worst != "" {
			bar = severitySwatch(s.Worst).Fg
		}
		content.shapes = append(content.shapes,
			shape{Kind: "rect", X: 0, Y: top, W: w, H: h, R: 4, Fill: colBack},
			shape{Kind: "rect", X: 0, Y: top, W: 3, H: h, Fill: bar})
		content.shapes = append(content.shapes, inner.shapes...)
		content.y = top + h + 8
	}
	svgItems(content, c, bl, w)
	if len(bl.Items) == 0 && bl.Summary == nil {
		content.text(0, w, 12, colMuted, span{Text: "nothing written", Italic: true})
	}
	if len(bl.Competitors) > 0 {
		content.shapes = append(content.shapes, shape{Kind: "line", X: 0, Y: content.y, W: w, Stroke: colLine, Dash: true})
		content.y += 5
		content.shapes = append(content.shapes, shape{Kind: "text", X: 0, Y: content.y + 9, Size: 9, Weight: "700", Fill: colMuted, Spacing: "0.8", Spans: []span{{Text: "COMPETITORS"}}})
		content.y += 14
		for _, comp := range bl.Competitors {
			top := content.y
			content.pills(9, w-9, 10, oneLine(comp.Name)+":", comp.Types)
			if c.ShowFindings {
				content.marker(top, comp.Worst)
			}
		}
	}
	if c.ShowFindings && len(bl.Notes) > 0 {
		content.y += 2
		content.notes(w, bl.Notes)
	}
	return content
}

// svgItems lays out a block's items in as many columns as fit items of
// minItemW: one in the tall blocks, several in the wide bottom row.
func svgItems(b *box, c *Canvas, bl *Block, w int) {
	const minItemW, gap = 180, 16
	cols := max(1, (w+gap)/(minItemW+gap))
	colW := (w - (cols-1)*gap) / cols
	for i := 0; i < len(bl.Items); i += cols {
		top, bottom := b.y, b.y
		for j := i; j < min(i+cols, len(bl.Items)); j++ {
			ib := &box{w: colW, y: top}
			svgItem(ib, c, bl.Items[j], colW)
			b.shapes = append(b.shapes, moved(ib.shapes, (j-i)*(colW+gap), 0)...)
			bottom = max(bottom, ib.y)
		}
		b.y = bottom + 7
	}
}

// svgItem draws one item: its type badge, name and id, whom it serves, its
// tags and the types a segment expects, with a bar when it has a finding.
func svgItem(b *box, c *Canvas, it *Item, w int) {
	const indent = 9
	tw := w - indent
	top := b.y
	if it.Badge != nil {
		b.pill(indent, b.y, 11, it.Badge.Label, it.Badge.Swatch, "", it.Badge.Type == "")
		b.y += 21
	}
	name := []span{{Text: oneLine(it.Name), Weight: "600", Fill: colInk}}
	if it.ID != "" {
		name = append(name, span{Text: "  " + it.ID, Mono: true, Fill: colMuted, Size: 11})
	}
	b.text(indent, tw, 13, colInk, name...)
	var meta []span
	if len(it.Serves) > 0 {
		meta = append(meta, span{Text: "for "})
		for i, r := range it.Serves {
			if i > 0 {
				meta = append(meta, span{Text: ", "})
			}
			meta = append(meta, refSpan(r))
		}
	}
	for _, t := range append(append([]string(nil), it.Phases...), it.Tags...) {
		if len(meta) > 0 {
			meta = append(meta, span{Text: " · "})
		}
		meta = append(meta, span{Text: t})
	}
	if len(meta) > 0 {
		b.text(indent, tw, 12, colMuted, meta...)
	}
	if len(it.Expects) > 0 {
		b.y += 2
		b.pills(indent, tw, 10, "expects", it.Expects)
	}
	if c.ShowFindings {
		b.marker(top, it.Worst)
	}
}

// svgTactics draws a phase's tactics, or says it has none.
func svgTactics(b *box, c *Canvas, p *Phase, w int) {
	const indent = 9
	if len(p.Tactics) == 0 {
		b.text(0, w, 12, colMuted, span{Text: "no tactic", Italic: true})
		return
	}
	for _, t := range p.Tactics {
		top := b.y
		b.text(indent, w-indent, 13, colInk, span{Text: oneLine(t.Text)})
		if t.Metric != "" {
			b.text(indent, w-indent, 12, colMuted, span{Text: "measured by " + oneLine(t.Metric)})
		}
		if len(t.Uses) > 0 {
			spans := []span{{Text: "through "}}
			for i, r := range t.Uses {
				if i > 0 {
					spans = append(spans, span{Text: ", "})
				}
				spans = append(spans, refSpan(r))
			}
			b.text(indent, w-indent, 12, colMuted, spans...)
		}
		if c.ShowFindings {
			b.marker(top, t.Worst)
		}
		b.y += 7
	}
}

// refSpan shows a reference; one that names nothing is struck through.
func refSpan(r Ref) span {
	if r.Missing {
		return span{Text: oneLine(r.Name), Strike: true, Fill: severitySwatch("error").Fg}
	}
	return span{Text: oneLine(r.Name)}
}
