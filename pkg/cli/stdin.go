package cli

import (
	"context"
	"io"
)

// contextReader reads from r until ctx is done. A read of a terminal, or of
// a pipe whose writer never closes it, cannot be interrupted in Go, so
// `crlint check -` waiting for input ignored Ctrl-C. Each read runs in a
// goroutine of its own, into a buffer of its own, and is abandoned when ctx
// is done; it ends with the process, which exits right after.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	buf := make([]byte, len(p))
	go func() {
		n, err := c.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case res := <-done:
		return copy(p, buf[:res.n]), res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
