// Command crlint lints Business Model Canvas files written in TOML.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/crlint/crlint/pkg/cli"
	"github.com/crlint/crlint/pkg/lint"
)

// gcMemoryLimit is the heap size at which garbage collection starts.
const gcMemoryLimit = 48 << 20

func main() {
	// A policy worker (custom policies run in one, pkg/lint/isolate.go)
	// keeps the Go runtime's defaults: its heap is what is being limited.
	lint.ServeIfWorker()
	// A check is a short-lived process: collecting garbage during it mostly
	// wastes time. Let the heap grow to a bound instead; past it the
	// collector runs as usual, so a run over thousands of files stays flat.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcMemoryLimit)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the check to stop cleanly (exit 130); after it
	// the default handling is restored, so a second one always ends crlint.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
