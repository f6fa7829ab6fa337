package report

import "testing"

func TestCaretLine(t *testing.T) {
	for _, tc := range []struct {
		line       string
		col, end   int
		want, name string
	}{
		{`segments = ["smb", "smbs"]`, 20, 26, "                   ^^^^^^", "ascii value"},
		{`expects = ["大衆大衆", "bogus"]`, 20, 27, "                       ^^^^^^^", "after wide characters"},
		{`expects = ["大衆大衆", "bogus"]`, 12, 18, "           ^^^^^^^^^^", "over wide characters"},
		{"\tid = \"x\"", 2, 4, "\t^^", "tab kept"},
		{"name = \"x\"", 1, 1, "^", "empty range"},
		{"e\u0301 = 1", 4, 5, "  ^", "combining mark takes no column"},
		{"costs = [", 9, 9, "        ^", "empty range at the end"},
	} {
		if got := caretLine(tc.line, tc.col, tc.end); got != tc.want {
			t.Errorf("%s: caretLine(%q, %d, %d) = %q, want %q", tc.name, tc.line, tc.col, tc.end, got, tc.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		f        Finding
		line     string
		col, end int
		name     string
	}{
		{Finding{Line: 3, Column: 9, EndLine: 5, EndColumn: 2, Source: "costs = ["}, "costs = [", 9, 10, "a range going on below ends with the line"},
		{Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 7, Source: "a = 12"}, "a = 12", 5, 7, "a whole line"},
		// Columns 101–103 of a long line; the excerpt starts at column 61.
		{Finding{Line: 1, Column: 101, EndLine: 1, EndColumn: 104, Source: "0123456789", SourceCut: 60, SourceMore: true}, "…0123456789…", 42, 12, "cut at both ends, the end clamped to the text"},
		{Finding{Line: 1, Column: 45, EndLine: 1, EndColumn: 47, Source: "abcdef", SourceCut: 40}, "…abcdef", 6, 8, "cut before"},
		{Finding{Line: 1, Column: 2, EndLine: 2, EndColumn: 1, Source: "abc", SourceMore: true}, "abc…", 2, 4, "cut after, range going on below"},
	} {
		line, col, end := excerpt(tc.f)
		if line != tc.line || col != tc.col || end != tc.end {
			t.Errorf("%s: excerpt = %q, %d, %d; want %q, %d, %d", tc.name, line, col, end, tc.line, tc.col, tc.end)
		}
	}
}
