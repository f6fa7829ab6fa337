package lsp

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/crlint/crlint/pkg/model"
)

// openShop opens testdata/shop.toml and waits for its diagnostics.
func openShop(t *testing.T) (*client, string) {
	c := newClient(t, 0)
	uri := c.open("shop.toml", readTestdata(t, "shop.toml"))
	c.waitDiags(uri, 1)
	return c, uri
}

func TestHover(t *testing.T) {
	c, uri := openShop(t)
	for _, tc := range []struct {
		name string
		at   TextDocumentPositionParams
		want string
		rng  Range
	}{
		{"finding, with hint, summary and fix", pos(uri, 13, 22),
			"**CR006 unknown-reference** (error): relationship \"desk\" references segment \"enterprize\", which does not exist\n\n" +
				"Hint: did you mean \"enterprise\"?\n\n_A reference names no item of the referenced block._\n\n" +
				"Safe fix: `enterprize` → `enterprise`\n\n---\n\nNo segment has the id `enterprize`.", rng(13, 19, 13, 31)},
		{"reference: the item it names", pos(uri, 19, 14),
			"segment `smb` — Small businesses\n\nline 3, referenced 2 times", rng(19, 12, 19, 17)},
		{"a tactic's reference to a relationship", pos(uri, 23, 20),
			"relationship `desk`\n\nline 11, referenced once", rng(23, 17, 23, 23)},
		{"type value: the guidance's definition", pos(uri, 12, 10),
			"**personal_assistance**: " + model.TypeGuidance["personal_assistance"] + "\n\n— " + model.TypeGuidanceSource, rng(12, 7, 12, 28)},
		{"key: what it is for", pos(uri, 5, 2), "`market`: the kind of market", rng(5, 0, 5, 6)},
	} {
		var h *Hover
		c.call("textDocument/hover", tc.at, &h)
		if h == nil {
			t.Errorf("%s: no hover", tc.name)
			continue
		}
		if h.Contents.Kind != "markdown" || h.Contents.Value != tc.want || h.Range == nil || *h.Range != tc.rng {
			t.Errorf("%s: hover = %q at %v\nwant %q at %v", tc.name, h.Contents.Value, h.Range, tc.want, tc.rng)
		}
	}
	var h *Hover
	c.call("textDocument/hover", pos(uri, 1, 0), &h) // an empty line
	if h != nil {
		t.Errorf("hover on an empty line = %+v, want null", h)
	}
}

func labels(items []CompletionItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

// change replaces line l of the document with text, as version v.
func change(c *client, uri string, v, l int, text string) {
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: v},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Position{l, 0}, Position{l + 1, 0}}, Text: text + "\n"}},
	})
}

func TestCompletion(t *testing.T) {
	c, uri := openShop(t)
	var list CompletionList
	complete := func(l, ch int) {
		t.Helper()
		list = CompletionList{}
		c.call("textDocument/completion", pos(uri, l, ch), &list)
	}
	// Ids of the referenced block, while the line does not parse: from the
	// latest version that did.
	change(c, uri, 2, 19, `segments = ["smb", "e`)
	complete(19, 21)
	if got := labels(list.Items); !reflect.DeepEqual(got, []string{"smb", "enterprise"}) {
		t.Errorf("segment ids = %v", got)
	}
	if e := list.Items[1].TextEdit; e == nil || *e != (TextEdit{Range: rng(19, 20, 19, 21), NewText: "enterprise"}) {
		t.Errorf("segment id edit = %+v", e)
	}
	// Enum values, quoted when the quote is not typed yet.
	change(c, uri, 3, 18, `type = `)
	complete(18, 7)
	if got := labels(list.Items); !reflect.DeepEqual(got, model.RelationshipTypes) {
		t.Errorf("type values = %v", got)
	}
	if e := list.Items[0].TextEdit; e == nil || *e != (TextEdit{Range: rng(18, 7, 18, 7), NewText: `"transactional"`}) {
		t.Errorf("type edit = %+v", e)
	}
	// In a multi-line array.
	change(c, uri, 4, 14, "motivations = [\n  \"re")
	complete(15, 5)
	if got := labels(list.Items); !reflect.DeepEqual(got, model.Motivations) {
		t.Errorf("motivations = %v", got)
	}
	// Keys of the table the cursor is in.
	change(c, uri, 5, 20, "se")
	complete(20, 2)
	// Not those the item already has: id and type (its segments line is
	// the one being replaced).
	var want []string
	for _, f := range model.BlockByName("relationships").Fields {
		if f.Name != "id" && f.Name != "type" {
			want = append(want, f.Name)
		}
	}
	if got := labels(list.Items); !reflect.DeepEqual(got, want) {
		t.Errorf("relationship keys = %v", got)
	}
	// Block names in a header.
	change(c, uri, 6, 20, "[[se")
	complete(20, 4)
	if got := labels(list.Items); len(got) != len(model.Blocks) || got[0] != "segments" {
		t.Errorf("blocks = %v", got)
	}
	if e := list.Items[0].TextEdit; e == nil || e.Range != rng(20, 2, 20, 4) {
		t.Errorf("block edit = %+v", e)
	}
}

func TestDefinition(t *testing.T) {
	c, uri := openShop(t)
	var locs []Location
	c.call("textDocument/definition", pos(uri, 13, 14), &locs)
	if want := []Location{{URI: uri, Range: rng(3, 5, 3, 10)}}; !reflect.DeepEqual(locs, want) {
		t.Errorf("definition of \"smb\" = %+v, want %+v", locs, want)
	}
	c.call("textDocument/definition", pos(uri, 23, 20), &locs)
	if want := []Location{{URI: uri, Range: rng(11, 5, 11, 11)}}; !reflect.DeepEqual(locs, want) {
		t.Errorf("definition of a tactic's \"desk\" = %+v, want %+v", locs, want)
	}
	locs = nil
	c.call("textDocument/definition", pos(uri, 13, 22), &locs)
	if len(locs) != 0 {
		t.Errorf("definition of an unknown id = %+v, want none", locs)
	}
}

func TestReferences(t *testing.T) {
	c, uri := openShop(t)
	var locs []Location
	p := ReferenceParams{TextDocumentPositionParams: pos(uri, 3, 6)}
	p.Context.IncludeDeclaration = true
	c.call("textDocument/references", p, &locs)
	want := []Location{{uri, rng(3, 5, 3, 10)}, {uri, rng(13, 12, 13, 17)}, {uri, rng(19, 12, 19, 17)}}
	if !reflect.DeepEqual(locs, want) {
		t.Errorf("references of smb = %+v\nwant %+v", locs, want)
	}
	p = ReferenceParams{TextDocumentPositionParams: pos(uri, 19, 13)}
	c.call("textDocument/references", p, &locs)
	if !reflect.DeepEqual(locs, want[1:]) {
		t.Errorf("references of smb from a reference, without the declaration = %+v", locs)
	}
}

func TestRename(t *testing.T) {
	c, uri := openShop(t)
	var prep *PrepareRenameResult
	c.call("textDocument/prepareRename", pos(uri, 19, 14), &prep)
	if prep == nil || *prep != (PrepareRenameResult{Range: rng(19, 13, 19, 16), Placeholder: "smb"}) {
		t.Errorf("prepareRename = %+v", prep)
	}
	var edit WorkspaceEdit
	c.call("textDocument/rename", RenameParams{TextDocumentPositionParams: pos(uri, 3, 7), NewName: "small"}, &edit)
	want := []TextEdit{{rng(3, 6, 3, 9), "small"}, {rng(13, 13, 13, 16), "small"}, {rng(19, 13, 19, 16), "small"}}
	if !reflect.DeepEqual(edit.Changes[uri], want) || len(edit.Changes) != 1 {
		t.Errorf("rename edits = %+v\nwant %+v", edit.Changes, want)
	}
	for _, tc := range []struct {
		at   TextDocumentPositionParams
		name string
		msg  string
	}{
		{pos(uri, 3, 7), "Small Biz", "no valid id"},
		{pos(uri, 3, 7), "enterprise", "already has the id"},
		{pos(uri, 13, 22), "x", "not declared"},
	} {
		err := c.callErr("textDocument/rename", RenameParams{TextDocumentPositionParams: tc.at, NewName: tc.name}, &edit)
		var rpcErr *jsonrpc2.Error
		if !errors.As(err, &rpcErr) || !strings.Contains(rpcErr.Message, tc.msg) {
			t.Errorf("rename to %q: %v, want an error saying %q", tc.name, err, tc.msg)
		}
	}
}

func TestDocumentSymbols(t *testing.T) {
	c, uri := openShop(t)
	var syms []DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": TextDocumentIdentifier{uri}}, &syms)
	type flat struct {
		name string
		kind int
		r    Range
		sel  Range
	}
	var got []flat
	var walk func([]DocumentSymbol, string)
	walk = func(ss []DocumentSymbol, parent string) {
		for _, s := range ss {
			got = append(got, flat{parent + s.Name, s.Kind, s.Range, s.SelectionRange})
			walk(s.Children, s.Name+"/")
		}
	}
	walk(syms, "")
	want := []flat{
		{"name", symbolKindProperty, rng(0, 0, 0, 13), rng(0, 0, 0, 4)},
		{"segments", symbolKindArray, rng(2, 0, 8, 17), rng(2, 0, 2, 12)},
		{"segments/smb", symbolKindObject, rng(2, 0, 5, 15), rng(3, 5, 3, 10)},
		{"segments/enterprise", symbolKindObject, rng(7, 0, 8, 17), rng(8, 5, 8, 17)},
		{"relationships", symbolKindArray, rng(10, 0, 19, 18), rng(10, 0, 10, 17)},
		{"relationships/desk", symbolKindObject, rng(10, 0, 14, 27), rng(11, 5, 11, 11)},
		{"relationships/app", symbolKindObject, rng(16, 0, 19, 18), rng(17, 5, 17, 10)},
		{"keep", symbolKindArray, rng(21, 0, 23, 24), rng(21, 0, 21, 8)},
		{"keep/Calls", symbolKindObject, rng(21, 0, 23, 24), rng(21, 0, 21, 8)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("symbols =\n%+v\nwant\n%+v", got, want)
	}
}

func TestCodeActions(t *testing.T) {
	c, uri := openShop(t)
	var acts []CodeAction
	c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: rng(13, 22, 13, 22)}, &acts)
	type flat struct {
		title, kind string
		edits       []TextEdit
	}
	var got []flat
	for _, a := range acts {
		got = append(got, flat{a.Title, a.Kind, a.Edit.Changes[uri]})
	}
	want := []flat{
		{`Replace "enterprize" with "enterprise" (CR006)`, "quickfix", []TextEdit{{rng(13, 20, 13, 30), "enterprise"}}},
		{"Disable CR006 unknown-reference on this line", "quickfix", []TextEdit{{rng(13, 32, 13, 32), "  # crlint:disable CR006"}}},
		{"Apply every safe fix (2)", kindFixAll, []TextEdit{{rng(13, 20, 13, 30), "enterprise"}, {rng(18, 8, 18, 20), "self_service"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("code actions =\n%+v\nwant\n%+v", got, want)
	}
	if acts[0].Diagnostics[0].Code != "CR006" || !acts[0].IsPreferred {
		t.Errorf("the fix names %+v", acts[0].Diagnostics)
	}
	// Applying the disable action suppresses the finding, and nothing is
	// reported unused.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &want[1].edits[0].Range, Text: want[1].edits[0].NewText}},
	})
	for _, d := range c.waitDiags(uri, 2) {
		if d.Code == "CR006" || d.Code == "CR007" {
			t.Errorf("after disabling CR006: %+v", d)
		}
	}
	// A finding about something absent is disabled for the file; `only`
	// filters the kinds.
	p := CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: rng(0, 0, 0, 0)}
	p.Context.Only = []string{"quickfix"}
	c.call("textDocument/codeAction", p, &acts)
	var titles []string
	for _, a := range acts {
		titles = append(titles, a.Title)
		if a.Kind != "quickfix" {
			t.Errorf("only quickfix asked, got %s", a.Kind)
		}
	}
	wantTitles := []string{"Disable CR301 empty-phase in this file", "Disable CR301 empty-phase in this file", "Disable CR401 summary-missing in this file"}
	if !reflect.DeepEqual(titles, wantTitles) {
		t.Errorf("at 0:0: %q", titles)
	}
	if e := acts[2].Edit.Changes[uri]; len(e) != 1 || e[0] != (TextEdit{rng(0, 0, 0, 0), "# crlint:disable-file CR401\n"}) {
		t.Errorf("disable-file edit = %+v", e)
	}
}

// TestDisableAboveCommentedLine: a line that already ends in a comment
// gets the directive on a line of its own above it.
func TestDisableAboveCommentedLine(t *testing.T) {
	c := newClient(t, 0)
	src := strings.Replace(readTestdata(t, "shop.toml"), `segments = ["smb", "enterprize"]`, `  segments = ["smb", "enterprize"] # two`, 1)
	uri := c.open("shop.toml", src)
	c.waitDiags(uri, 1)
	var acts []CodeAction
	c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: rng(13, 24, 13, 24)}, &acts)
	if len(acts) < 2 || acts[1].Edit.Changes[uri][0] != (TextEdit{rng(13, 0, 13, 0), "  # crlint:disable CR006\n"}) {
		t.Fatalf("actions = %+v", acts)
	}
	e := acts[1].Edit.Changes[uri][0]
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &e.Range, Text: e.NewText}},
	})
	for _, d := range c.waitDiags(uri, 2) {
		if d.Code == "CR006" || d.Code == "CR007" {
			t.Errorf("after disabling CR006: %+v", d)
		}
	}
}

// TestEveryPositionAnswers asks every method at every position of the
// model, and a few outside it: each answers without an error (a rename
// may refuse), and the server keeps serving.
func TestEveryPositionAnswers(t *testing.T) {
	c, uri := openShop(t)
	sweep(t, c, uri)
	// Again while a value is half typed and the model does not parse.
	change(c, uri, 2, 13, `segments = ["smb", "ent`)
	sweep(t, c, uri)
}

func sweep(t *testing.T, c *client, uri string) {
	for l := -1; l <= 25; l++ {
		for ch := -1; ch <= 40; ch += 3 {
			at := pos(uri, l, ch)
			for _, m := range []string{"textDocument/hover", "textDocument/completion", "textDocument/definition"} {
				var out any
				if err := c.callErr(m, at, &out); err != nil {
					t.Fatalf("%s at %d:%d: %v", m, l, ch, err)
				}
			}
			var out any
			if err := c.callErr("textDocument/references", ReferenceParams{TextDocumentPositionParams: at}, &out); err != nil {
				t.Fatalf("references at %d:%d: %v", l, ch, err)
			}
			p := CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: rng(l, ch, l, ch+5)}
			if err := c.callErr("textDocument/codeAction", p, &out); err != nil {
				t.Fatalf("codeAction at %d:%d: %v", l, ch, err)
			}
		}
	}
	var syms []DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": TextDocumentIdentifier{uri}}, &syms)
}

// TestDisableJoinsDirective: a line a directive already covers gets the
// code added to that directive.
func TestDisableJoinsDirective(t *testing.T) {
	for _, tc := range []struct {
		name, to string
		line     int // of the finding
		want     TextEdit
	}{
		{"at the end of the line", `segments = ["smb", "enterprize"]  # crlint:disable CR101 why`, 13, TextEdit{rng(13, 56, 13, 56), ",CR006"}},
		{"alone above", "# crlint:disable CR101\nsegments = [\"smb\", \"enterprize\"]", 14, TextEdit{rng(13, 22, 13, 22), ",CR006"}},
		{"naming no rule", `segments = ["smb", "enterprize"] # crlint:disable`, 13, TextEdit{rng(13, 49, 13, 49), " CR006"}},
	} {
		c := newClient(t, 0)
		uri := c.open("shop.toml", strings.Replace(readTestdata(t, "shop.toml"), `segments = ["smb", "enterprize"]`, tc.to, 1))
		c.waitDiags(uri, 1)
		var acts []CodeAction
		c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: rng(tc.line, 22, tc.line, 22)}, &acts)
		var got *TextEdit
		for _, a := range acts {
			if a.Title == "Disable CR006 unknown-reference on this line" {
				got = &a.Edit.Changes[uri][0]
			}
		}
		if got == nil || *got != tc.want {
			t.Errorf("%s: disable edit = %+v, want %+v", tc.name, got, tc.want)
			continue
		}
		c.notify("textDocument/didChange", DidChangeTextDocumentParams{
			TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
			ContentChanges: []TextDocumentContentChangeEvent{{Range: &got.Range, Text: got.NewText}},
		})
		for _, d := range c.waitDiags(uri, 2) {
			if d.Code == "CR006" {
				t.Errorf("%s: CR006 still reported after the edit", tc.name)
			}
		}
	}
}
