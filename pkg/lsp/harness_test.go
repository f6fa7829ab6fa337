package lsp

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/crlint/crlint/pkg/workspace"
)

// client is a language client talking to an in-process server over a pipe.
type client struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	diags chan PublishDiagnosticsParams
	asked chan *jsonrpc2.Request // requests from the server
	done  chan error             // Serve's result
	ws    *workspace.Workspace
}

// newClient starts a server with a fresh workspace and initializes it.
func newClient(t *testing.T, delay time.Duration) *client {
	return newClientWith(t, delay, map[string]any{})
}

// newClientWith initializes the server with the client capabilities caps.
func newClientWith(t *testing.T, delay time.Duration, caps map[string]any) *client {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ws, err := workspace.New(ctx, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srvEnd, cliEnd := net.Pipe()
	c := &client{t: t, diags: make(chan PublishDiagnosticsParams, 100), asked: make(chan *jsonrpc2.Request, 10), done: make(chan error, 1), ws: ws}
	s := New(Options{Checker: ws, Delay: delay, Version: "test"})
	go func() { c.done <- s.Serve(ctx, srvEnd) }()
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(cliEnd, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Method == "textDocument/publishDiagnostics" {
				var p PublishDiagnosticsParams
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.diags <- p
			} else if !req.Notif {
				c.asked <- req
			}
			return nil, nil
		}))
	t.Cleanup(func() { c.conn.Close() })
	var init map[string]any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &init)
	c.notify("initialized", map[string]any{})
	return c
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	if err := c.conn.Call(context.Background(), method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) callErr(method string, params, result any) error {
	return c.conn.Call(context.Background(), method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// open writes src to a model in a fresh directory and opens it.
func (c *client) open(name, src string) string {
	c.t.Helper()
	dir := c.t.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		c.t.Fatal(err)
	}
	return c.openAt(p, src)
}

func (c *client) openAt(path, src string) string {
	uri := "file://" + filepath.ToSlash(path)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "toml", Version: 1, Text: src}})
	return uri
}

// waitDiags waits for the diagnostics of a version of uri, skipping older
// ones.
func (c *client) waitDiags(uri string, version int) []Diagnostic {
	c.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri && (version == 0 && p.Version == nil || p.Version != nil && *p.Version == version) {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

// pos is a text document position parameter.
func pos(uri string, line, char int) TextDocumentPositionParams {
	return TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{line, char}}
}

func rng(l1, c1, l2, c2 int) Range { return Range{Position{l1, c1}, Position{l2, c2}} }

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// findDiag returns the diagnostic with code, failing when there is not
// exactly one.
func findDiag(t *testing.T, ds []Diagnostic, code string) Diagnostic {
	t.Helper()
	var out []Diagnostic
	for _, d := range ds {
		if d.Code == code {
			out = append(out, d)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d diagnostics with code %s in %+v", len(out), code, ds)
	}
	return out[0]
}
