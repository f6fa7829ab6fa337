// Package fix turns the safe fixes that findings carry (SPEC §5) into text
// edits, applies them and prints them as a unified diff. Check's --fix and
// --diff and the language server's code actions all take their edits from
// here, so a fix is computed one way.
package fix

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// Edit replaces the bytes [Start, End) of a document with New.
type Edit struct {
	Start, End int
	New        string
}

// For returns the edit that applies f's safe fix to doc: the bytes of f's
// range, which hold the key or string value the fix respells. Only the
// characters of the name change: a string keeps its quotes, a key inside a
// header or a dotted key keeps the rest of it. ok is false when f has no
// fix, or when the text at its range is not what the fix expects (the
// document changed, or the name is written with escapes): a fix that is
// not certain is no safe fix.
func For(doc *model.Document, f report.Finding) (Edit, bool) {
	if !f.Fixable() || f.EndLine != f.Line {
		return Edit{}, false
	}
	ix := doc.Index()
	start, ok1 := ix.Offset(model.Pos{Line: f.Line, Col: f.Column})
	end, ok2 := ix.Offset(model.Pos{Line: f.EndLine, Col: f.EndColumn})
	if !ok1 || !ok2 || end <= start {
		return Edit{}, false
	}
	text := doc.Src[start:end]
	from, to := []byte(f.Fix.From), f.Fix.To
	if len(from) == 0 {
		return Edit{}, false
	}
	if bytes.Equal(text, from) {
		return Edit{start, end, to}, true
	}
	if n := len(text); n >= 2 && (text[0] == '"' || text[0] == '\'') && text[n-1] == text[0] {
		if bytes.Equal(text[1:n-1], from) {
			return Edit{start + 1, end - 1, to}, true
		}
		return Edit{}, false
	}
	// A header ([[segmets]], [a.tpye]) or a dotted key (tpye.x): the name
	// must be one of its parts, exactly once.
	dotted := bytes.IndexByte(text, '.') > 0 && !isBlank(text[0]) && !isBlank(text[len(text)-1])
	if text[0] != '[' && !dotted {
		return Edit{}, false
	}
	at, found := -1, 0
	for i := bytes.Index(text, from); i >= 0; {
		j := i + len(from)
		if (i == 0 || isKeyBoundary(text[i-1])) && (j == len(text) || isKeyBoundary(text[j])) {
			at = i
			found++
		}
		next := bytes.Index(text[i+1:], from)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if found != 1 {
		return Edit{}, false
	}
	return Edit{start + at, start + at + len(from), to}, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// isKeyBoundary reports whether c may stand next to a key part in a header
// or dotted key.
func isKeyBoundary(c byte) bool {
	switch c {
	case '[', ']', '.', ' ', '\t', '"', '\'':
		return true
	}
	return false
}

// Edits returns the edits of every fixable finding, ordered by offset,
// without duplicates or overlaps (the first of two overlapping edits wins).
func Edits(doc *model.Document, fs []report.Finding) []Edit {
	var out []Edit
	for _, f := range fs {
		if e, ok := For(doc, f); ok {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Edit) int { return cmp.Compare(a.Start, b.Start) })
	kept := out[:0]
	for _, e := range out {
		if n := len(kept); n > 0 && e.Start < kept[n-1].End {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// Apply returns src with edits (ordered, not overlapping) applied; every
// byte outside them is kept.
func Apply(src []byte, edits []Edit) []byte {
	var b bytes.Buffer
	b.Grow(len(src))
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	b.Write(src[last:])
	return b.Bytes()
}

// Checker lints one model held in memory, as check and the language server
// do: the loaded document and its findings after settings and suppressions.
type Checker func(ctx context.Context, src []byte) (*model.Document, []report.Finding, error)

// maxRounds bounds the fix loop. A round fixes every fixable finding; a
// fix can uncover another (a respelt key whose value is then checked), so a
// few rounds may be needed, never many.
const maxRounds = 8

// Result is a model after its safe fixes.
type Result struct {
	// Src is the fixed source; the same slice as the input when nothing
	// was fixed.
	Src []byte
	// Doc and Findings are the last check, of Src.
	Doc      *model.Document
	Findings []report.Finding
	// Fixed counts the edits applied.
	Fixed int
}

// Fix applies the safe fixes of src's findings, checks the result again,
// and repeats until no safe fix is left, so that fixing a fixed model
// changes nothing.
func Fix(ctx context.Context, src []byte, check Checker) (Result, error) {
	var r Result
	r.Src = src
	for round := 0; ; round++ {
		doc, fs, err := check(ctx, r.Src)
		if err != nil {
			return r, err
		}
		r.Doc, r.Findings = doc, fs
		edits := Edits(doc, fs)
		if len(edits) == 0 {
			return r, nil
		}
		if round == maxRounds {
			return r, fmt.Errorf("%s: safe fixes still apply after %d rounds", doc.File, maxRounds)
		}
		r.Src = Apply(r.Src, edits)
		r.Fixed += len(edits)
	}
}
