package cli

import (
	"fmt"
	"strings"
	"testing"
)

// frame writes LSP messages with their Content-Length headers.
func frame(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

func TestLSPCommand(t *testing.T) {
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`
	shutdown := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	code, out, stderr := run(t, frame(initialize, `{"jsonrpc":"2.0","method":"initialized","params":{}}`, shutdown, exit), "lsp", "--stdio")
	if code != 0 || stderr != "" {
		t.Fatalf("crlint lsp: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{`"id":1,"result":{"capabilities":`, `"renameProvider":{"prepareProvider":true}`, `"id":2,"result":null`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	// Exit without shutdown, or the stream ending: exit code 1.
	if code, _, stderr := run(t, frame(initialize, exit), "lsp"); code != 1 || !strings.Contains(stderr, "without shutdown") {
		t.Errorf("exit without shutdown: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := run(t, "", "lsp", "extra"); code != 2 {
		t.Errorf("lsp with an argument: exit %d, want 2", code)
	}
}
