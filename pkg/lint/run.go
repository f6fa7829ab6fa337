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

// MaxJobs is the most models checked at once (--jobs): more workers than
// that only cost memory, and a huge --jobs made Run's channels panic.
const MaxJobs = 256

// FileResult is what checking one source produced: findings, or the reason
// it could not be checked.
type FileResult struct {
	Source   Source
	Findings []report.Finding
	Err      error
	// Skipped is true for a walked file that is not a model.
	Skipped bool
}

// Run checks every source with its own Engine, at most jobs at once (0: one
// per CPU), and hands each result to emit in the order of sources, from the
// calling goroutine, as soon as it and those before it are done. At most a
// few results per worker wait to be emitted, so a run over thousands of
// models holds only the findings its reporter keeps. Run stops at the first
// error of emit, or when ctx is done, and returns that error.
func Run(ctx context.Context, sources []Source, jobs int, maxBytes int64, emit func(FileResult) error) error {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, MaxJobs)
	ctx = context.WithValue(ctx, jobsKey{}, jobs)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := make([]chan FileResult, len(sources))
	for i := range ready {
		ready[i] = make(chan FileResult, 1)
	}
	// A fixed set of workers, rather than a goroutine a model: evaluation
	// recurses deeply, and a new goroutine would grow its stack by copying
	// it again and again (a fifth of the CPU time, measured).
	type task struct {
		i int
		s Source
	}
	tasks := make(chan task)
	var workers errgroup.Group
	for range min(jobs, max(len(sources), 1)) {
		workers.Go(func() error {
			for t := range tasks {
				ready[t.i] <- t.s.Engine.checkOne(ctx, t.s, maxBytes)
			}
			return nil
		})
	}
	window := make(chan struct{}, 4*jobs) // results started but not yet emitted
	submitted := make(chan struct{})
	go func() {
		defer close(submitted)
		defer close(tasks)
		for i, s := range sources {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- task{i, s}:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel()
		<-submitted
		_ = workers.Wait() // workers record their errors in their results
	}()
	for i := range sources {
		var r FileResult
		select {
		case r = <-ready[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
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
	// A walked file is a model when its top level has a canvas key. The
	// text test is a cheap first sieve and the only test for a file that
	// does not parse, so that a broken model is still reported.
	if s.Root != "" && !LooksLikeModel(src) {
		res.Skipped = true
		return res
	}
	doc := model.Load(s.Name, src)
	if s.Root != "" && doc.Input != nil && !doc.HasCanvasKey() {
		res.Skipped = true
		return res
	}
	fs, err := e.CheckWith(ctx, doc, s.Settings)
	if err != nil && errors.Is(err, context.Canceled) {
		err = context.Canceled
	}
	res.Findings, res.Err = fs, err
	return res
}
