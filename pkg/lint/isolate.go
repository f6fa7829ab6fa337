package lint

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Custom policies run in worker processes: crlint re-executes itself with
// WorkerArg. A worker parses, compiles and evaluates the custom policies
// only, with its memory capped (limitMemory) and its environment empty, and
// the parent kills it when it overruns the time limit: a builtin such as
// bits.lsh(1, 1e12) or replace(s, "", s) cannot be interrupted inside OPA,
// and in this process it would stall the run or end it with a fatal "out
// of memory". The built-in rules are trusted and run in this process.

// DefaultMaxPolicyMemory is a policy worker's memory limit.
const DefaultMaxPolicyMemory = 512 << 20

// PolicyLoadTimeout bounds parsing and compiling the custom policies.
const PolicyLoadTimeout = 20 * time.Second

// killGrace is how long past the time limit the parent waits for the
// worker's own (cooperative) time-out before it kills it.
const killGrace = 250 * time.Millisecond

// idleWorker is how long an idle worker is kept for the next model.
const idleWorker = 3 * time.Second

// isolated is the pool of policy workers of one engine.
type isolated struct {
	argv  []string
	load  workerRequest
	dirs  string
	mem   int64
	rules []*Rule // the custom rules, in the worker's query order
	slots chan struct{}
	mu    sync.Mutex
	idle  []*worker
}

// newIsolated reads the policy directories, starts a worker and has it
// load them: its rules, or its errors, are the engine's.
func newIsolated(ctx context.Context, opts Options) (*isolated, error) {
	files, err := ReadPolicyDirs(opts.PolicyDirs, false)
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("policy worker: %w", err)
	}
	mem := opts.MaxMemory
	if mem <= 0 {
		mem = DefaultMaxPolicyMemory
	}
	p := &isolated{
		argv:  []string{exe, WorkerArg, fmt.Sprintf("--max-memory=%d", mem)},
		load:  workerRequest{Load: &workerLoad{Files: files, NoBuiltin: opts.NoBuiltin, Dirs: opts.PolicyDirs}},
		dirs:  strings.Join(opts.PolicyDirs, ", "),
		mem:   mem,
		slots: make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	w, reply, err := p.start(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range reply.Rules {
		p.rules = append(p.rules, r.rule())
	}
	p.put(w)
	return p, nil
}

// worker is one policy worker process.
type worker struct {
	cmd    *exec.Cmd
	in     *bufio.Writer
	inFile *os.File
	out    *bufio.Reader
	stderr *tail
	exited chan struct{}
	timer  *time.Timer
}

// spawn starts a worker process with an empty environment.
func spawn(argv []string) (*worker, error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	w := &worker{stderr: &tail{}, exited: make(chan struct{}), inFile: inW}
	w.cmd = exec.Command(argv[0], argv[1:]...)
	w.cmd.Env = []string{}
	w.cmd.Stdin, w.cmd.Stdout, w.cmd.Stderr = inR, outW, w.stderr
	isolateProcess(w.cmd)
	err = w.cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, fmt.Errorf("start policy worker: %w", err)
	}
	w.in, w.out = bufio.NewWriter(inW), bufio.NewReader(outR)
	go func() {
		_ = w.cmd.Wait()
		outR.Close()
		close(w.exited)
	}()
	return w, nil
}

// kill ends the worker and waits for it.
func (w *worker) kill() {
	_ = w.cmd.Process.Kill()
	w.inFile.Close()
	<-w.exited
}

// start spawns a worker and loads the policies into it, within
// PolicyLoadTimeout and the memory limit.
func (p *isolated) start(ctx context.Context) (*worker, workerReply, error) {
	w, err := spawn(p.argv)
	if err != nil {
		return nil, workerReply{}, err
	}
	var reply workerReply
	err = p.roundTrip(ctx, w, p.load, PolicyLoadTimeout, func(r workerReply) bool { reply = r; return false })
	if err != nil {
		var te *timeoutError
		if errors.As(err, &te) {
			err = fmt.Errorf("%s: parsing and compiling the policies took longer than %s", p.dirs, PolicyLoadTimeout)
		}
		return nil, reply, err
	}
	if len(reply.PolicyError) > 0 {
		w.kill()
		return nil, reply, &PolicyError{Lines: reply.PolicyError}
	}
	if reply.Err != "" {
		w.kill()
		return nil, reply, errors.New(reply.Err)
	}
	return w, reply, nil
}

// timeoutError is a worker killed at its deadline.
type timeoutError struct{}

func (e *timeoutError) Error() string { return "the policy worker did not answer in time" }

// roundTrip sends req and hands each reply to each until it returns false,
// killing the worker when ctx ends, when limit passes without a reply, or
// when a reply is over maxReplyBytes. A worker that dies is reported with
// why: its memory limit, or its exit status.
func (p *isolated) roundTrip(ctx context.Context, w *worker, req workerRequest, limit time.Duration, each func(workerReply) bool) error {
	return p.roundTripThen(ctx, w, req, limit, limit, each)
}

// roundTripThen is roundTrip with the limit for the first reply apart from
// the limit between replies.
func (p *isolated) roundTripThen(ctx context.Context, w *worker, req workerRequest, first, limit time.Duration, each func(workerReply) bool) error {
	replies := make(chan workerReply)
	more := make(chan bool)
	failed := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	// The reader reads one frame at a time, and only while this round trip
	// wants more: a frame it read ahead would belong to the next request.
	go func() {
		if err := writeFrame(w.in, req); err != nil {
			failed <- err
			return
		}
		for {
			var r workerReply
			if err := readFrame(w.out, maxReplyBytes, &r); err != nil {
				failed <- err
				return
			}
			select {
			case replies <- r:
			case <-stop:
				return
			}
			select {
			case m := <-more:
				if !m {
					return
				}
			case <-stop:
				return
			}
		}
	}()
	timer := time.NewTimer(first)
	defer timer.Stop()
	for {
		select {
		case r := <-replies:
			want := each(r)
			more <- want
			if !want {
				return nil
			}
			timer.Reset(limit)
		case err := <-failed:
			w.kill()
			if errors.Is(err, errFrameTooLarge) {
				return fmt.Errorf("custom policies (%s) returned over %d MiB of findings for one model", p.dirs, maxReplyBytes>>20)
			}
			return p.died(w)
		case <-timer.C:
			w.kill()
			return &timeoutError{}
		case <-ctx.Done():
			w.kill()
			return ctx.Err()
		}
	}
}

// died explains a worker that stopped answering.
func (p *isolated) died(w *worker) error {
	<-w.exited
	if outOfMemory(w.stderr.String()) {
		return fmt.Errorf("custom policies (%s) used more than %d MiB (--max-policy-memory); a policy builds values too large", p.dirs, p.mem>>20)
	}
	// The Go runtime's own first line says why, in words of its own; any
	// other line may quote a policy's values and is not shown.
	why := ""
	if first, _, _ := strings.Cut(w.stderr.String(), "\n"); strings.HasPrefix(first, "fatal error: ") || strings.HasPrefix(first, "runtime: ") {
		why = ": " + first
	}
	return fmt.Errorf("custom policies (%s): the policy worker failed (%v)%s", p.dirs, w.cmd.ProcessState, why)
}

// get returns an idle worker or starts one, waiting for a free slot: at
// most GOMAXPROCS workers run at once.
func (p *isolated) get(ctx context.Context) (*worker, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		w.timer.Stop()
		return w, nil
	}
	p.mu.Unlock()
	w, _, err := p.start(ctx)
	if err != nil {
		<-p.slots
		return nil, err
	}
	return w, nil
}

// put keeps a worker for the next model, for idleWorker at most.
func (p *isolated) put(w *worker) {
	p.mu.Lock()
	p.idle = append(p.idle, w)
	w.timer = time.AfterFunc(idleWorker, func() {
		if p.take(w) {
			w.kill()
		}
	})
	p.mu.Unlock()
}

// take removes w from the idle workers, reporting whether it was there.
func (p *isolated) take(w *worker) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, x := range p.idle {
		if x == w {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			return true
		}
	}
	return false
}

// close stops every idle worker.
func (p *isolated) close() {
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, w := range idle {
		w.timer.Stop()
		w.kill()
	}
}

// eval evaluates the custom policies on one model within limit, with the
// rules' options (data.crlint.options; nil for the defaults).
func (p *isolated) eval(ctx context.Context, input, options map[string]any, limit time.Duration) ([]ruleResult, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("%w: no time was left for the custom policies (%s) within --timeout", errTimeout, p.dirs)
	}
	in, err := json.Marshal(input)
	if err != nil {
		return nil, fmt.Errorf("model as JSON: %w", err)
	}
	w, err := p.get(ctx)
	if err != nil {
		return nil, err
	}
	var reply workerReply
	err = p.roundTrip(ctx, w, workerRequest{Eval: &workerEval{Input: in, Options: options, Timeout: limit}}, limit+killGrace,
		func(r workerReply) bool { reply = r; return false })
	if err != nil {
		<-p.slots
		var te *timeoutError
		if errors.As(err, &te) {
			return nil, p.timeout(limit)
		}
		return nil, err
	}
	p.put(w)
	<-p.slots
	if reply.Timeout {
		return nil, p.timeout(limit)
	}
	if reply.Err != "" {
		return nil, fmt.Errorf("custom policies (%s): %s", p.dirs, reply.Err)
	}
	var out []ruleResult
	for _, r := range reply.Results {
		if r.Rule < 0 || r.Rule >= len(p.rules) {
			return nil, fmt.Errorf("custom policies (%s): the policy worker named rule %d of %d", p.dirs, r.Rule, len(p.rules))
		}
		out = append(out, ruleResult{p.rules[r.Rule], r.Values})
	}
	return out, nil
}

func (p *isolated) timeout(limit time.Duration) error {
	return fmt.Errorf("%w: the custom policies (%s) took longer than the %s left of --timeout; a custom policy may loop or scan too much", errTimeout, p.dirs, limit.Round(time.Millisecond))
}

// RunPolicyTests runs the Rego tests of policy directories in a policy
// worker, under the same limits as check: each test within timeout (the
// worker is killed timeout + 1s after the last result), the worker within
// maxMemory (0: DefaultMaxPolicyMemory).
func RunPolicyTests(ctx context.Context, dirs []string, timeout time.Duration, maxMemory int64) ([]TestResult, error) {
	files, err := ReadPolicyDirs(dirs, true)
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("policy worker: %w", err)
	}
	if maxMemory <= 0 {
		maxMemory = DefaultMaxPolicyMemory
	}
	p := &isolated{argv: []string{exe, WorkerArg, fmt.Sprintf("--max-memory=%d", maxMemory)}, dirs: strings.Join(dirs, ", "), mem: maxMemory}
	w, err := spawn(p.argv)
	if err != nil {
		return nil, err
	}
	defer w.kill()
	var out []TestResult
	var final workerReply
	// The first reply says the tests compiled; then each test has
	// timeout + 1s to report.
	err = p.roundTripThen(ctx, w, workerRequest{Test: &workerTest{Files: files, Timeout: timeout}}, PolicyLoadTimeout, timeout+time.Second,
		func(r workerReply) bool {
			if r.Ready {
				return true
			}
			if r.Test == nil {
				final = r
				return false
			}
			t := r.Test
			tr := TestResult{Package: t.Package, Name: t.Name, File: t.File, Line: t.Line, Pass: t.Pass, Skip: t.Skip, Duration: t.Duration}
			if t.Err != "" {
				tr.Err = errors.New(t.Err)
			}
			out = append(out, tr)
			return true
		})
	var te *timeoutError
	switch {
	case errors.As(err, &te):
		return out, fmt.Errorf("tests of %s: a test ran past --timeout %s and was killed", p.dirs, timeout)
	case err != nil:
		return out, err
	case len(final.PolicyError) > 0:
		return nil, &PolicyError{Lines: final.PolicyError}
	case final.Err != "":
		return nil, errors.New(final.Err)
	}
	return out, nil
}

// outOfMemory reports whether a dead worker's stderr says it ran out of
// memory: the Go runtime's words for an allocation, a thread's stack (also
// counted in RLIMIT_DATA) or the race detector's shadow memory that failed.
func outOfMemory(stderr string) bool {
	for _, s := range []string{"out of memory", "cannot allocate memory", "failed to allocate", "failed to create new OS thread"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

// tail keeps the first few kilobytes written to it: a worker's stderr,
// whose first line tells an out-of-memory death from another (a goroutine
// dump follows it). It is never printed: it may quote a policy's values.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := 4<<10 - len(t.buf); room > 0 {
		t.buf = append(t.buf, b[:min(room, len(b))]...)
	}
	return len(b), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
