// Command crlint lints Business Model Canvas files written in TOML.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/crlint/crlint/pkg/cli"
	"github.com/crlint/crlint/pkg/lint"
)

func main() {
	// A policy worker (custom policies run in one, pkg/lint/isolate.go)
	// keeps the Go runtime's defaults: its heap is what is being limited.
	lint.ServeIfWorker()
	tuneGC()
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
