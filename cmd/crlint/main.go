// Command crlint lints Business Model Canvas files written in TOML.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/crlint/crlint/pkg/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
