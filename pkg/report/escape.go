package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape makes s safe to print as part of one line on a terminal or in a CI
// log. File names, messages and quoted lines come from the repository being
// checked, which may be hostile: a line break in a file name would start a
// line of its own (a GitHub workflow command such as ::stop-commands::, a
// fake finding), an escape sequence would drive the terminal, a bidi
// override would make the text read differently from what it is. Escape
// writes line breaks as \n and \r, other C0 and C1 control characters, DEL,
// the Unicode line separators and bidi controls as \xNN or \uNNNN, and a
// byte that is not UTF-8 as \xNN. Tabs are kept: they are harmless, and
// source lines keep them so that carets line up.
func Escape(s string) string { return escape(s, false) }

// escape is Escape, leaving line breaks alone when keepBreaks is set (for a
// format that encodes them its own way).
func escape(s string, keepBreaks bool) string {
	rewrite := func(r rune) bool {
		return r == utf8.RuneError || unsafeRune(r) && !(keepBreaks && (r == '\n' || r == '\r'))
	}
	i := strings.IndexFunc(s, rewrite)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for s = s[i:]; s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case !rewrite(r):
			b.WriteRune(r)
		default:
			b.WriteString(escapeRune(r))
		}
		s = s[n:]
	}
	return b.String()
}

// escapeRune is how Escape writes one rune.
func escapeRune(r rune) string {
	switch {
	case !unsafeRune(r):
		return string(r)
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// unsafeRune reports whether Escape rewrites r.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0: // C0, DEL, C1
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c: // bidi controls
		return true
	}
	return false
}
