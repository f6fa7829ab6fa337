package lsp

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

func TestInitializeCapabilities(t *testing.T) {
	c := newClient(t, 0)
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
		ServerInfo   struct{ Name string }
	}
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res)
	for _, k := range []string{"hoverProvider", "completionProvider", "definitionProvider", "referencesProvider",
		"renameProvider", "documentSymbolProvider", "codeActionProvider", "textDocumentSync"} {
		if res.Capabilities[k] == nil {
			t.Errorf("capability %s missing: %v", k, res.Capabilities)
		}
	}
	if res.Capabilities["positionEncoding"] != "utf-16" || res.ServerInfo.Name != "crlint" {
		t.Errorf("initialize = %+v", res)
	}
	sync := res.Capabilities["textDocumentSync"].(map[string]any)
	if sync["change"] != float64(2) || sync["openClose"] != true {
		t.Errorf("textDocumentSync = %v, want incremental with open/close", sync)
	}
}

func TestShutdownExit(t *testing.T) {
	c := newClient(t, 0)
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("Serve after shutdown and exit = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after exit")
	}

	c = newClient(t, 0)
	c.notify("exit", nil)
	if err := <-c.done; !errors.Is(err, ErrNoShutdown) {
		t.Errorf("Serve after exit without shutdown = %v, want ErrNoShutdown", err)
	}
}

func TestUnknownMethod(t *testing.T) {
	c := newClient(t, 0)
	err := c.callErr("textDocument/formatting", map[string]any{}, nil)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.CodeMethodNotFound {
		t.Errorf("unknown method: %v, want MethodNotFound", err)
	}
}

func TestDiagnosticsOpenChangeClose(t *testing.T) {
	c := newClient(t, 0)
	src := readTestdata(t, "shop.toml")
	uri := c.open("shop.toml", src)
	ds := c.waitDiags(uri, 1)
	d := findDiag(t, ds, "CR006")
	want := Diagnostic{
		Range: rng(13, 19, 13, 31), Severity: severityError, Code: "CR006",
		CodeDescription: &CodeDescription{Href: "https://github.com/crlint/crlint/blob/main/docs/rules/unknown-reference.md"},
		Source:          "crlint", Message: `relationship "desk" references segment "enterprize", which does not exist`,
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("CR006 = %+v\nwant %+v", d, want)
	}
	if d := findDiag(t, ds, "CR003"); d.Range != rng(18, 7, 18, 21) || d.Severity != severityError {
		t.Errorf("CR003 = %+v, want 18:7-18:21", d)
	}
	// Empty range for something absent: the missing summary.
	if d := findDiag(t, ds, "CR401"); d.Range != rng(0, 0, 0, 0) || d.Severity != severityInformation {
		t.Errorf("CR401 = %+v, want an empty range at 0:0, information", d)
	}

	// An incremental change, not saved: the typo is corrected.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Position{13, 20}, Position{13, 30}}, Text: "enterprise"}},
	})
	ds = c.waitDiags(uri, 2)
	for _, d := range ds {
		if d.Code == "CR006" || d.Code == "CR102" {
			t.Errorf("after the fix: %+v", d)
		}
	}
	// A full change introduces a new finding, and shifts the others.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 3},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: "\n" + strings.Replace(src, `"retention"`, `"retension"`, 1)}},
	})
	ds = c.waitDiags(uri, 3)
	if d := findDiag(t, ds, "CR006"); d.Range != rng(14, 19, 14, 31) {
		t.Errorf("CR006 after a line was added = %v", d.Range)
	}
	var cr003 []Range
	for _, d := range ds {
		if d.Code == "CR003" {
			cr003 = append(cr003, d.Range)
		}
	}
	if want := []Range{rng(15, 15, 15, 26), rng(19, 7, 19, 21)}; !reflect.DeepEqual(cr003, want) {
		t.Errorf("CR003 ranges = %v, want %v", cr003, want)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": TextDocumentIdentifier{URI: uri}})
	if ds := c.waitDiags(uri, 0); len(ds) != 0 {
		t.Errorf("after close: %v, want none", ds)
	}
}

// TestBurstCoalesced: changes that arrive faster than the delay are
// checked once, at the end of the burst.
func TestBurstCoalesced(t *testing.T) {
	c := newClient(t, 300*time.Millisecond)
	src := readTestdata(t, "shop.toml")
	uri := c.open("shop.toml", src)
	for v := 2; v <= 6; v++ {
		c.notify("textDocument/didChange", DidChangeTextDocumentParams{
			TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: v},
			ContentChanges: []TextDocumentContentChangeEvent{{Text: src}},
		})
	}
	select {
	case p := <-c.diags:
		if p.Version == nil || *p.Version != 6 {
			t.Errorf("first diagnostics are of version %v, want only the burst's last, 6", *p.Version)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no diagnostics")
	}
}

func TestNotAModel(t *testing.T) {
	c := newClient(t, 0)
	uri := c.open("Cargo.toml", "[package]\nname = \"x\"\n")
	if ds := c.waitDiags(uri, 1); len(ds) != 0 {
		t.Errorf("a TOML file without canvas keys got %v", ds)
	}
	uri = c.open(".crlint.toml", "[rules]\nCR102 = \"off\"\n")
	if ds := c.waitDiags(uri, 1); len(ds) != 0 {
		t.Errorf("the config got %v", ds)
	}
}

func TestUTF16Positions(t *testing.T) {
	c := newClient(t, 0)
	// 大衆 are one UTF-16 unit each, 😀 two: "bogus" starts at unit 19.
	uri := c.open("m.toml", "name = \"x\"\n[[segments]]\nid = \"s\"\nexpects = [\"大衆😀\", \"bogus\"]\n")
	ds := c.waitDiags(uri, 1)
	var got []Range
	for _, d := range ds {
		if d.Code == "CR003" {
			got = append(got, d.Range)
		}
	}
	want := []Range{rng(3, 11, 3, 17), rng(3, 19, 3, 26)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CR003 ranges = %v, want %v", got, want)
	}
	var h *Hover
	c.call("textDocument/hover", pos(uri, 3, 20), &h)
	if h == nil || h.Range == nil || *h.Range != want[1] {
		t.Errorf("hover on \"bogus\" = %+v", h)
	}
}

func TestConfigReloadAndCustomPolicy(t *testing.T) {
	c := newClient(t, 0)
	dir := t.TempDir()
	model := filepath.Join(dir, "shop.toml")
	src := readTestdata(t, "shop.toml")
	if err := os.WriteFile(model, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := c.openAt(model, src)
	if d := findDiag(t, c.waitDiags(uri, 1), "CR006"); d.Severity != severityError {
		t.Fatalf("CR006 = %+v", d)
	}
	// A config appears: CR006 becomes a warning, and a custom policy runs.
	pol := filepath.Join(dir, "policies")
	if err := os.MkdirAll(pol, 0o755); err != nil {
		t.Fatal(err)
	}
	rego, err := os.ReadFile("../cli/testdata/custom/house/named_owner.rego")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pol, "named_owner.rego"), rego, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".crlint.toml")
	if err := os.WriteFile(cfg, []byte("policies = [\"policies\"]\n[rules]\nCR006 = \"warning\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: "file://" + filepath.ToSlash(cfg), Type: 1}}})
	ds := c.waitDiags(uri, 1)
	if d := findDiag(t, ds, "CR006"); d.Severity != severityWarning {
		t.Errorf("CR006 after the config = %+v, want a warning", d)
	}
	var custom []Diagnostic
	for _, d := range ds {
		if d.Code == "HOUSE900" {
			custom = append(custom, d)
		}
	}
	if len(custom) != 2 || custom[0].CodeDescription != nil || custom[0].Range != rng(11, 0, 11, 2) {
		t.Errorf("custom policy findings = %+v, want 2 without a docs link, the first at desk's id", custom)
	}
	// A config saved through the editor is re-read too.
	if err := os.WriteFile(cfg, []byte("[rules]\nCR006 = \"off\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": TextDocumentIdentifier{URI: "file://" + filepath.ToSlash(cfg)}})
	for _, d := range c.waitDiags(uri, 1) {
		if d.Code == "CR006" || d.Code == "HOUSE900" {
			t.Errorf("after the config turned CR006 off and dropped the policy: %+v", d)
		}
	}
	// A broken config is said in a diagnostic, not swallowed.
	if err := os.WriteFile(cfg, []byte("[rules]\nCR006 = \"of\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: "file://" + filepath.ToSlash(cfg), Type: 2}}})
	ds = c.waitDiags(uri, 1)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "crlint could not check this model") || !strings.Contains(ds[0].Message, `"of"`) {
		t.Errorf("with a broken config: %+v", ds)
	}
}

// TestRegistersWatchers: a client that registers file watchers dynamically
// is asked to watch configs and policies.
func TestRegistersWatchers(t *testing.T) {
	caps := map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}
	c := newClientWith(t, 0, caps)
	select {
	case req := <-c.asked:
		var p struct {
			Registrations []struct {
				Method          string
				RegisterOptions struct {
					Watchers []struct{ GlobPattern string }
				}
			}
		}
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			t.Fatal(err)
		}
		if req.Method != "client/registerCapability" || len(p.Registrations) != 1 ||
			p.Registrations[0].Method != "workspace/didChangeWatchedFiles" || len(p.Registrations[0].RegisterOptions.Watchers) != 2 ||
			p.Registrations[0].RegisterOptions.Watchers[0].GlobPattern != "**/.crlint.toml" ||
			p.Registrations[0].RegisterOptions.Watchers[1].GlobPattern != "**/*.rego" {
			t.Errorf("asked %s %s", req.Method, *req.Params)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not ask to watch files")
	}
	// A client that cannot is not asked.
	c = newClient(t, 0)
	c.call("shutdown", nil, nil)
	select {
	case req := <-c.asked:
		t.Errorf("asked %s of a client without dynamic registration", req.Method)
	default:
	}
}

// TestExcludedBufferNotLinted: an open file that the config's exclude
// covers gets no diagnostics; its neighbours still do.
func TestExcludedBufferNotLinted(t *testing.T) {
	c := newClient(t, 0)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".crlint.toml"), []byte("exclude = [\"drafts\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := readTestdata(t, "shop.toml")
	draft := c.openAt(filepath.Join(dir, "drafts", "shop.toml"), src)
	if ds := c.waitDiags(draft, 1); len(ds) != 0 {
		t.Errorf("an excluded file got %d diagnostics: %+v", len(ds), ds)
	}
	// It is still loaded: its outline answers.
	var syms []DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": TextDocumentIdentifier{draft}}, &syms)
	if len(syms) == 0 {
		t.Error("an excluded file has no outline")
	}
	kept := c.openAt(filepath.Join(dir, "shop.toml"), src)
	findDiag(t, c.waitDiags(kept, 1), "CR006")
}
