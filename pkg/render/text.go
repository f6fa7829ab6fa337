package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SVG has no line breaking, so the SVG layout wraps text itself with an
// estimate of each character's advance. The estimate uses Arial/Helvetica
// metrics (Liberation Sans has the same widths) with a margin for the
// wider fallback fonts, so a line measured to fit does fit.

// arialWidths are the advances of ASCII 32–126 in thousandths of an em.
// It is a read-only table.
var arialWidths = [...]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// span is a run of text in one style.
type span struct {
	Text   string
	Fill   string // "" inherits the text's fill
	Weight string // "" inherits; "600", "700"
	Size   int    // 0 inherits the text's size
	Mono   bool
	Italic bool
	Strike bool
}

// measure estimates the width in pixels of s set in sp's style at size px.
func measure(s string, size int, sp span) float64 {
	if sp.Size != 0 {
		size = sp.Size
	}
	var em float64
	for _, r := range s {
		switch {
		case sp.Mono:
			em += 0.602
		case r >= 32 && r <= 126:
			em += float64(arialWidths[r-32]) / 1000
		case r > 0x2e80 && !unicode.IsSpace(r):
			em += 1 // CJK and other full-width scripts
		default:
			em += 0.6
		}
	}
	if sp.Weight == "600" || sp.Weight == "700" {
		em *= 1.08
	}
	return em * float64(size) * 1.06
}

// wrap breaks spans into lines no wider than width pixels at size px. A
// word wider than a whole line is cut between characters.
func wrap(spans []span, size int, width float64) [][]span {
	var lines [][]span
	var line []span
	x := 0.0
	push := func(sp span, text string) {
		if n := len(line); n > 0 && sameStyle(line[n-1], sp) {
			line[n-1].Text += text
		} else {
			sp.Text = text
			line = append(line, sp)
		}
	}
	flush := func() {
		if len(line) > 0 {
			// A line never ends on the space that broke it.
			last := &line[len(line)-1]
			last.Text = strings.TrimRight(last.Text, " ")
			lines = append(lines, line)
		}
		line, x = nil, 0
	}
	for _, sp := range spans {
		for _, word := range words(sp.Text) {
			if x > 0 && x+measure(strings.TrimRight(word, " "), size, sp) > width {
				flush()
			}
			if x == 0 {
				if word = strings.TrimLeft(word, " "); word == "" {
					continue
				}
			}
			for x == 0 && measure(strings.TrimRight(word, " "), size, sp) > width {
				cut := fit(word, size, sp, width)
				if cut == 0 {
					_, cut = utf8.DecodeRuneInString(word)
				}
				push(sp, word[:cut])
				flush()
				word = word[cut:]
			}
			if word != "" {
				push(sp, word)
				x += measure(word, size, sp)
			}
		}
	}
	flush()
	return lines
}

// words splits s after each run of spaces, keeping the spaces with the
// word before them so that joining the words gives s back.
func words(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		out = append(out, s[:j])
		s = s[j:]
	}
	return out
}

// fit returns the length in bytes of the longest prefix of s no wider than
// width.
func fit(s string, size int, sp span, width float64) int {
	x, n := 0.0, 0
	for i, r := range s {
		x += measure(string(r), size, sp)
		if x > width {
			return n
		}
		n = i + utf8.RuneLen(r)
	}
	return n
}

func sameStyle(a, b span) bool {
	a.Text, b.Text = "", ""
	return a == b
}

// oneLine collapses the white space of user text, which SVG would otherwise
// show as it is written (newlines in a description, say).
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
