package lsp

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/workspace"
)

// BenchmarkRelint measures what the server does after each keystroke in a
// 141-line model (testdata/bench.toml, a copy of the shared benchmark
// model): apply an incremental change, check the new text through the
// workspace, and build the diagnostics it publishes. The median is
// reported as median-ms; the goal is 5 ms or less.
func BenchmarkRelint(b *testing.B) {
	ctx := context.Background()
	src, err := os.ReadFile(filepath.Join("testdata", "bench.toml"))
	if err != nil {
		b.Fatal(err)
	}
	ws, err := workspace.New(ctx, workspace.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := New(Options{Checker: ws})
	uri := "file://" + filepath.ToSlash(filepath.Join(b.TempDir(), "bench.toml"))
	s.open(TextDocumentItem{URI: uri, Version: 1, Text: string(src)})
	if st := s.current(ctx, uri); st.err != nil || len(st.diagnostics()) == 0 {
		b.Fatalf("bench model: %v, %d diagnostics", st.err, len(st.diagnostics()))
	}
	eol := bytes.IndexByte(src, '\n') // the first line is ASCII
	var times []time.Duration
	version := 1
	for b.Loop() {
		version++
		start := time.Now()
		// Type a character at the end of the first line (in its comment),
		// then take it back: the text alternates between two versions.
		text := "x"
		r := Range{Position{0, eol}, Position{0, eol}}
		if version%2 == 1 {
			text, r.End = "", Position{0, eol + 1}
		}
		if err := s.change(DidChangeTextDocumentParams{
			TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: version},
			ContentChanges: []TextDocumentContentChangeEvent{{Range: &r, Text: text}},
		}); err != nil {
			b.Fatal(err)
		}
		st := s.current(ctx, uri)
		if len(st.diagnostics()) == 0 {
			b.Fatal("no diagnostics")
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}
