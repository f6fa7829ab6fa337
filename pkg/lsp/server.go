// Package lsp is crlint's language server (LSP 3.17 over stdio): open
// documents live in memory and are checked as typed through the same
// workspace as `crlint check`; the rest is protocol glue over the model's
// position index and the fix engine.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/pkg/workspace"
)

// Checker lints one model held in memory, finding its config from path's
// directory, as `crlint check` does; *workspace.Workspace is one.
type Checker interface {
	// CheckOpen checks an open document, unless its config excludes it.
	CheckOpen(ctx context.Context, path string, src []byte) (*workspace.Result, error)
	// Invalidate drops cached configs and engines (a .crlint.toml or a
	// policy changed).
	Invalidate()
	// Rules describes the rules of the engines compiled so far.
	Rules() []report.RuleInfo
}

// Options configure a Server.
type Options struct {
	// Checker lints the documents.
	Checker Checker
	// Delay is how long the server waits after a change before checking,
	// so that a burst of keystrokes is checked once.
	Delay time.Duration
	// Version is crlint's version, sent to the client.
	Version string
}

// DefaultDelay coalesces bursts of typing without a visible lag.
const DefaultDelay = 40 * time.Millisecond

// Server is one language server session.
type Server struct {
	checker Checker
	delay   time.Duration
	version string

	// conn is the session's connection, for the lint loop; handlers use
	// the one they are given (they may run before Serve has stored it).
	conn *jsonrpc2.Conn
	wake chan struct{} // a document needs checking

	mu       sync.Mutex
	docs     map[string]*document // open documents by URI
	dirty    map[string]bool      // documents to check and publish
	rules    map[string]report.RuleInfo
	watchers bool // the client registers file watchers dynamically
	shutdown bool // shutdown was requested: exit ends the session cleanly
}

// New returns a server.
func New(opts Options) *Server {
	return &Server{
		checker: opts.Checker, delay: opts.Delay, version: opts.Version,
		wake: make(chan struct{}, 1), docs: map[string]*document{}, dirty: map[string]bool{},
	}
}

// ErrNoShutdown is returned by Serve when the client exited, or the stream
// ended, without asking to shut down first (exit code 1 in the protocol).
var ErrNoShutdown = errors.New("the client ended the session without shutdown")

// Serve runs the session over rwc (stdin and stdout) until the client
// sends exit or the stream ends.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(s.handle))
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.lintLoop(ctx)
	}()
	select {
	case <-s.conn.DisconnectNotify():
	case <-ctx.Done():
		s.conn.Close()
	}
	cancel()
	<-done
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.shutdown {
		return ErrNoShutdown
	}
	return nil
}

// handle answers one request or notification. Requests are handled one at
// a time in the order they arrive, so a change is applied before the
// requests that follow it. A panic is the request's error, never the end
// of the session.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("%s: internal error: %v", req.Method, r)}
		}
	}()
	return s.dispatch(ctx, conn, req)
}

// dispatch routes a message to its handler.
func (s *Server) dispatch(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "initialize":
		var p InitializeParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		return s.initialize(p), nil
	case "initialized":
		s.registerWatchers(ctx, conn)
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "exit":
		return nil, conn.Close()
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.open(p.TextDocument)
		return nil, nil
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		return nil, s.change(p)
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.close(ctx, conn, p.TextDocument.URI)
		return nil, nil
	case "textDocument/didSave":
		var p DidCloseTextDocumentParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.saved(p.TextDocument.URI)
		return nil, nil
	case "workspace/didChangeWatchedFiles":
		var p DidChangeWatchedFilesParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.watched(p.Changes)
		return nil, nil
	case "textDocument/hover":
		return onDoc(ctx, s, req, func(st *state, p TextDocumentPositionParams) (any, error) { return st.hover(p.Position), nil })
	case "textDocument/completion":
		return onDoc(ctx, s, req, func(st *state, p TextDocumentPositionParams) (any, error) { return st.complete(p.Position), nil })
	case "textDocument/definition":
		return onDoc(ctx, s, req, func(st *state, p TextDocumentPositionParams) (any, error) { return st.definition(p.Position), nil })
	case "textDocument/references":
		return onDoc(ctx, s, req, func(st *state, p ReferenceParams) (any, error) {
			return st.references(p.Position, p.Context.IncludeDeclaration), nil
		})
	case "textDocument/prepareRename":
		return onDoc(ctx, s, req, func(st *state, p TextDocumentPositionParams) (any, error) { return st.prepareRename(p.Position) })
	case "textDocument/rename":
		return onDoc(ctx, s, req, func(st *state, p RenameParams) (any, error) { return st.rename(p.Position, p.NewName) })
	case "textDocument/documentSymbol":
		return onDoc(ctx, s, req, func(st *state, _ DocumentParams) (any, error) { return st.symbols(), nil })
	case "textDocument/codeAction":
		return onDoc(ctx, s, req, func(st *state, p CodeActionParams) (any, error) { return st.codeActions(p), nil })
	}
	if req.Notif {
		return nil, nil // $/cancelRequest, $/setTrace and the like
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
}

// docParams are the parameters of a request about one document.
type docParams interface {
	uri() string
}

// onDoc decodes a request about a document and runs fn on the document's
// current state; a document that is not open gets a null result.
func onDoc[P docParams](ctx context.Context, s *Server, req *jsonrpc2.Request, fn func(*state, P) (any, error)) (any, error) {
	var p P
	if err := params(req, &p); err != nil {
		return nil, err
	}
	st := s.current(ctx, p.uri())
	if st == nil {
		return nil, nil
	}
	return fn(st, p)
}

// params decodes a request's parameters.
func params(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + ": no params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("%s: %v", req.Method, err)}
	}
	return nil
}

// initialize answers the client's initialize request with what the server
// offers.
func (s *Server) initialize(p InitializeParams) map[string]any {
	var caps struct {
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	}
	_ = json.Unmarshal(p.Capabilities, &caps) // capabilities the server does not know are no error
	s.mu.Lock()
	s.watchers = caps.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.mu.Unlock()
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": false},
			},
			"hoverProvider":          true,
			"completionProvider":     map[string]any{"triggerCharacters": []string{`"`, "'", "["}},
			"definitionProvider":     true,
			"referencesProvider":     true,
			"renameProvider":         map[string]any{"prepareProvider": true},
			"documentSymbolProvider": true,
			"codeActionProvider":     map[string]any{"codeActionKinds": []string{kindQuickFix, kindFixAll}},
		},
		"serverInfo": map[string]any{"name": "crlint", "version": s.version},
	}
}

// registerWatchers asks a client that can to tell the server when a config
// or a policy changes. The request is sent from its own goroutine: its
// answer arrives on the connection this handler is reading.
func (s *Server) registerWatchers(ctx context.Context, conn *jsonrpc2.Conn) {
	s.mu.Lock()
	ok := s.watchers
	s.mu.Unlock()
	if !ok {
		return
	}
	go func() {
		_ = conn.Call(ctx, "client/registerCapability", map[string]any{
			"registrations": []map[string]any{{
				"id": "crlint-config", "method": "workspace/didChangeWatchedFiles",
				"registerOptions": map[string]any{"watchers": []map[string]any{
					{"globPattern": "**/.crlint.toml"}, {"globPattern": "**/*.rego"},
				}},
			}},
		}, nil)
	}()
}
