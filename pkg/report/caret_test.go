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

func TestUnderlineEndMultiLine(t *testing.T) {
	f := Finding{Line: 3, Column: 9, EndLine: 5, EndColumn: 2, Source: "costs = ["}
	if got := underlineEnd(f); got != 10 {
		t.Errorf("underlineEnd = %d, want 10 (the end of the first line)", got)
	}
}
