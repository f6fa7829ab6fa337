package lint

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/report"
)

// FileResult is what checking one source produced: findings, or the reason
// it could not be checked.
type FileResult struct {
	Source   Source
	Findings []report.Finding
	Err      error
	// Skipped is true for a walked file that is not a model.
	Skipped bool
}

// CheckAll checks every source with at most jobs at once (0: one per CPU).
// Results come back in the order of sources, whatever the parallelism.
func (e *Engine) CheckAll(ctx context.Context, sources []Source, jobs int, maxBytes int64) []FileResult {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	results := make([]FileResult, len(sources))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	for i, s := range sources {
		g.Go(func() error {
			results[i] = e.checkOne(ctx, s, maxBytes)
			return nil
		})
	}
	_ = g.Wait() // each goroutine records its own error in results[i]
	return results
}

func (e *Engine) checkOne(ctx context.Context, s Source, maxBytes int64) (res FileResult) {
	res.Source = s
	defer func() {
		// A panic while checking one model must not take down a whole CI
		// run: it becomes that file's error.
		if r := recover(); r != nil {
			res.Findings = nil
			res.Err = fmt.Errorf("%s: internal error: %v", s.Name, r)
		}
	}()
	if err := ctx.Err(); err != nil {
		res.Err = err
		return res
	}
	src := s.Data
	if src == nil {
		var err error
		if src, err = s.Read(maxBytes); err != nil {
			res.Err = cleanPathError(err)
			return res
		}
	}
	if s.Root != "" && !LooksLikeModel(src) {
		res.Skipped = true
		return res
	}
	doc := model.Load(s.Name, src)
	fs, err := e.CheckWith(ctx, doc, s.Settings)
	if err != nil && errors.Is(err, context.Canceled) {
		err = context.Canceled
	}
	res.Findings, res.Err = fs, err
	return res
}
