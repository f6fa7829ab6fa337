package lsp

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/crlint/crlint/pkg/config"
	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/pkg/workspace"
)

// document is an open document: its text as the client holds it, and the
// latest check of it.
type document struct {
	uri, path string
	version   int
	text      *text
	checked   *state // the check of the current version, nil when stale
	good      *outline
}

// state is one version of a document, checked: what every request reads.
type state struct {
	uri     string
	version int
	text    *text
	res     *workspace.Result // nil when err is set
	err     error
	model   bool     // the document is a model (a canvas key at its top level)
	outline *outline // ids, references and items; nil when the text does not parse
	good    *outline // the latest outline of a version that parsed
	rules   func(code string) (report.RuleInfo, bool)
}

// uriPath turns a file: URI into a path; for another scheme (an unsaved
// buffer) the URI's path stands in, so that the config is found from the
// working directory.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Path == "" {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

// open keeps a document the client opened and schedules its check.
func (s *Server) open(item TextDocumentItem) {
	s.mu.Lock()
	s.docs[item.URI] = &document{uri: item.URI, path: uriPath(item.URI), version: item.Version, text: newText([]byte(item.Text))}
	s.mu.Unlock()
	s.schedule(item.URI)
}

// change applies a client's changes, in order, and schedules a check of
// the new version.
func (s *Server) change(p DidChangeTextDocumentParams) error {
	s.mu.Lock()
	d, ok := s.docs[p.TextDocument.URI]
	if !ok {
		s.mu.Unlock()
		return nil
	}
	t := d.text
	for _, c := range p.ContentChanges {
		var err error
		if t, err = t.apply(c); err != nil {
			s.mu.Unlock()
			return err
		}
	}
	d.text, d.version, d.checked = t, p.TextDocument.Version, nil
	s.mu.Unlock()
	s.schedule(p.TextDocument.URI)
	return nil
}

// close forgets a document and clears its diagnostics.
func (s *Server) close(ctx context.Context, conn *jsonrpc2.Conn, uri string) {
	s.mu.Lock()
	delete(s.docs, uri)
	delete(s.dirty, uri)
	s.mu.Unlock()
	_ = conn.Notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
}

// saved re-reads the configs when a config or policy was saved through
// the editor, and re-checks every document.
func (s *Server) saved(uri string) {
	if isConfigOrPolicy(uri) {
		s.reload()
	}
}

// watched handles changes to files the client watches for the server.
func (s *Server) watched(changes []FileEvent) {
	if slices.ContainsFunc(changes, func(e FileEvent) bool { return isConfigOrPolicy(e.URI) }) {
		s.reload()
	}
}

func isConfigOrPolicy(uri string) bool {
	p := uriPath(uri)
	return filepath.Base(p) == config.FileName || filepath.Ext(p) == ".rego"
}

// reload drops cached configs and engines and checks every open document
// again.
func (s *Server) reload() {
	s.checker.Invalidate()
	s.mu.Lock()
	var uris []string
	for uri, d := range s.docs {
		d.checked = nil
		uris = append(uris, uri)
	}
	s.rules = nil
	s.mu.Unlock()
	s.schedule(uris...)
}

// schedule marks documents for checking and wakes the lint loop.
func (s *Server) schedule(uris ...string) {
	s.mu.Lock()
	for _, u := range uris {
		s.dirty[u] = true
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// lintLoop checks and publishes the documents marked dirty. After a wake it
// waits Delay, so that a burst of changes is checked once, at its end.
func (s *Server) lintLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		if s.delay > 0 {
			t := time.NewTimer(s.delay)
		wait:
			for {
				select {
				case <-ctx.Done():
					t.Stop()
					return
				case <-s.wake:
					t.Reset(s.delay) // still typing
				case <-t.C:
					break wait
				}
			}
		}
		s.mu.Lock()
		uris := make([]string, 0, len(s.dirty))
		for u := range s.dirty {
			uris = append(uris, u)
		}
		clear(s.dirty)
		s.mu.Unlock()
		slices.Sort(uris)
		for _, u := range uris {
			st := s.current(ctx, u)
			if ctx.Err() != nil {
				return
			}
			if st == nil || !s.isOpen(u) {
				continue // closed meanwhile: its diagnostics were cleared
			}
			_ = s.conn.Notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{
				URI: u, Version: &st.version, Diagnostics: st.diagnostics(),
			})
		}
	}
}

// isOpen reports whether the client has the document open.
func (s *Server) isOpen(uri string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.docs[uri]
	return ok
}

// current returns the checked state of a document's current version,
// checking it now when the lint loop has not yet; nil when it is not open.
func (s *Server) current(ctx context.Context, uri string) *state {
	s.mu.Lock()
	d, ok := s.docs[uri]
	if !ok {
		s.mu.Unlock()
		return nil
	}
	if d.checked != nil {
		st := d.checked
		s.mu.Unlock()
		return st
	}
	st := &state{uri: uri, version: d.version, text: d.text, good: d.good}
	path := d.path
	s.mu.Unlock()

	st.res, st.err = s.check(ctx, path, st.text.src)
	if st.err == nil {
		doc := st.res.Doc
		switch {
		case filepath.Base(path) == config.FileName:
		case doc.Input != nil:
			st.model = doc.HasCanvasKey()
		default:
			st.model = lint.LooksLikeModel(st.text.src)
		}
		if doc.Input != nil {
			st.outline = newOutline(doc, st.text)
			st.good = st.outline
		}
	}
	st.rules = s.ruleInfo

	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.docs[uri]; ok && d.version == st.version && d.text == st.text {
		d.checked = st
		if st.outline != nil {
			d.good = st.outline
		}
	}
	return st
}

// check checks one text; a panic while checking is that text's error, as
// it is one file's error in check.
func (s *Server) check(ctx context.Context, path string, src []byte) (res *workspace.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%s: internal error: %v", path, r)
		}
	}()
	return s.checker.CheckOpen(ctx, path, src)
}

// ruleInfo describes a rule by code, from the engines compiled so far.
func (s *Server) ruleInfo(code string) (report.RuleInfo, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.rules[code]; !ok {
		s.rules = map[string]report.RuleInfo{}
		for _, r := range s.checker.Rules() {
			if _, dup := s.rules[r.Code]; !dup {
				s.rules[r.Code] = r
			}
		}
	}
	r, ok := s.rules[code]
	return r, ok
}

// findings are the state's findings when the document is a model.
func (st *state) findings() []report.Finding {
	if !st.model || st.res == nil {
		return nil
	}
	return st.res.Findings
}
