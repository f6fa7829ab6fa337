package lint

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/crlint/crlint/pkg/report"
	"github.com/crlint/crlint/policies"
)

// WorkerArg is the hidden first argument that makes crlint a policy worker
// (isolate.go): `crlint __crlint-policy-worker --max-memory=BYTES`. A test
// binary that builds engines with custom policies must dispatch it too (see
// TestMain in this package).
const WorkerArg = "__crlint-policy-worker"

// Frame size limits: a request carries a model (at most --max-file-size,
// larger as JSON); a reply carries one model's findings.
const (
	maxRequestBytes = 256 << 20
	maxReplyBytes   = 64 << 20
)

// workerRequest is one message to the worker: load policies (once, first),
// evaluate them on a model, or run their tests.
type workerRequest struct {
	Load *workerLoad `json:"load,omitempty"`
	Eval *workerEval `json:"eval,omitempty"`
	Test *workerTest `json:"test,omitempty"`
}

type workerLoad struct {
	Files     []PolicyFile `json:"files"`
	NoBuiltin bool         `json:"no_builtin"`
	Dirs      []string     `json:"dirs"`
}

type workerEval struct {
	Input json.RawMessage `json:"input"`
	// Options is data.crlint.options, the rules' [rules.<name>] settings.
	Options map[string]any `json:"options,omitempty"`
	Timeout time.Duration  `json:"timeout"`
}

type workerTest struct {
	Files   []PolicyFile  `json:"files"`
	Timeout time.Duration `json:"timeout"`
}

// workerReply is one message from the worker.
type workerReply struct {
	Rules       []wireRule   `json:"rules,omitempty"`
	PolicyError []string     `json:"policy_error,omitempty"`
	Err         string       `json:"error,omitempty"`
	Timeout     bool         `json:"timeout,omitempty"`
	Results     []wireResult `json:"results,omitempty"`
	Test        *wireTest    `json:"test,omitempty"`
	Ready       bool         `json:"ready,omitempty"` // tests compiled
	Done        bool         `json:"done,omitempty"`
}

// wireRule is a custom rule as the worker read it.
type wireRule struct {
	Code, Name, Category, Summary, Hint string
	Why, Fix, Bad, Good                 string
	Package, File                       string
	Severity                            int
	Guidance                            []Guidance
	Conftest, DefaultOff                bool
	Options                             []Option
}

func toWire(r *Rule) wireRule {
	return wireRule{r.Code, r.Name, r.Category, r.Summary, r.Hint, r.Why, r.Fix, r.Bad, r.Good, r.Package, r.File,
		int(r.Severity), r.Guidance, r.Conftest, r.DefaultOff, r.Options}
}

func (w wireRule) rule() *Rule {
	return &Rule{Code: w.Code, Name: w.Name, Category: w.Category, Summary: w.Summary, Hint: w.Hint,
		Why: w.Why, Fix: w.Fix, Bad: w.Bad, Good: w.Good, Package: w.Package, File: w.File,
		Severity: report.Severity(w.Severity), Guidance: w.Guidance, Custom: true, Conftest: w.Conftest,
		DefaultOff: w.DefaultOff, Options: w.Options}
}

// wireResult is what custom rule number Rule returned for a model.
type wireResult struct {
	Rule   int   `json:"rule"`
	Values []any `json:"values"`
}

type wireTest struct {
	Package, Name, File string
	Line                int
	Pass, Skip          bool
	Err                 string
	Duration            time.Duration
}

// writeFrame writes v as a length-prefixed JSON frame.
func writeFrame(w *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Flush()
}

// errFrameTooLarge is a frame over its limit.
var errFrameTooLarge = errors.New("frame over its size limit")

// readFrame reads one frame into v, refusing one over limit bytes.
func readFrame(r *bufio.Reader, limit int, v any) error {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return err
	}
	size := binary.BigEndian.Uint32(n[:])
	if int64(size) > int64(limit) {
		return errFrameTooLarge
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(r, b); err != nil {
		return err
	}
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	return d.Decode(v)
}

// ServeIfWorker turns the process into a policy worker when it was started
// as one (its first argument is WorkerArg), and exits; otherwise it returns.
// crlint's main calls it first, as must the TestMain of a test binary that
// builds engines with custom policies.
func ServeIfWorker() {
	if len(os.Args) > 1 && os.Args[1] == WorkerArg {
		os.Exit(WorkerMain(os.Args[2:], os.Stdin, os.Stdout))
	}
}

// WorkerMain runs the policy worker on stdin and stdout and returns its exit
// code. It first bounds its own memory (limitMemory), then serves requests
// until stdin closes. The parent kills it at the time limit; a policy that
// runs it out of memory kills only it.
func WorkerMain(args []string, stdin io.Reader, stdout io.Writer) int {
	var memory int64
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--max-memory="); ok {
			memory, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	if memory > 0 {
		memory *= raceMemoryFactor
		if err := limitMemory(memory); err != nil {
			fmt.Fprintf(os.Stderr, "limit memory: %v\n", err)
			return 2
		}
		debug.SetMemoryLimit(memory / 4 * 3) // collect hard before the hard limit
	}
	// Ctrl-C is the parent's to handle: it kills the worker.
	signal.Ignore(os.Interrupt)
	// Frames are the only thing on stdout: anything else a library might
	// print goes to stderr, which the parent never shows.
	if f, ok := stdout.(*os.File); ok && f == os.Stdout {
		os.Stdout = os.Stderr
	}
	r, w := bufio.NewReader(stdin), bufio.NewWriter(stdout)
	var e *Engine
	for {
		var req workerRequest
		if err := readFrame(r, maxRequestBytes, &req); err != nil {
			if errors.Is(err, io.EOF) {
				return 0
			}
			fmt.Fprintf(os.Stderr, "read request: %v\n", err)
			return 2
		}
		var reply workerReply
		switch {
		case req.Load != nil:
			var err error
			if e, err = newIsolatedEngine(*req.Load); err != nil {
				reply = errorReply(err)
			}
			if e != nil {
				for _, r := range e.queryRules {
					reply.Rules = append(reply.Rules, toWire(r))
				}
			}
		case req.Eval != nil && e != nil:
			reply = e.workerEval(*req.Eval)
		case req.Test != nil:
			if err := workerTests(*req.Test, w); err != nil {
				reply = errorReply(err)
			}
			reply.Done = true
		default:
			reply.Err = "policy worker: request out of order"
		}
		if err := writeFrame(w, reply); err != nil {
			return 2
		}
	}
}

func errorReply(err error) workerReply {
	var pe *PolicyError
	if errors.As(err, &pe) {
		return workerReply{PolicyError: pe.Lines}
	}
	return workerReply{Err: err.Error()}
}

// newIsolatedEngine parses and compiles custom policies in the worker: the
// lib and the custom modules only, with every module checked by the guard
// and every rule's package and code checked against the built-in rules.
func newIsolatedEngine(load workerLoad) (*Engine, error) {
	root := "."
	if load.NoBuiltin {
		root = "lib"
	}
	builtin, err := parse(policies.FS, root, "", false, true)
	if err != nil {
		return nil, fmt.Errorf("built-in policies: %w", err)
	}
	custom, err := parseFiles(load.Files)
	if err != nil {
		return nil, err
	}
	g := newGuard()
	for _, m := range custom {
		if err := g.check(m); err != nil {
			return nil, err
		}
	}
	// Custom policies keep topdown's whole cache: a policy may call a
	// costly function of a block many times over (see itemCache).
	e := &Engine{byPackage: map[string]*Rule{}, cacheAll: true}
	e.rules = append(e.rules, loaderRules...)
	if _, err := e.addRules(builtin); err != nil {
		return nil, err
	}
	rules, err := e.addRules(custom)
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if g.codes[r.Code] {
			return nil, moduleError(moduleOf(custom, r), "rule code %s of %s is a built-in rule's code: use a prefix of your own", r.Code, r.Name)
		}
	}
	if len(rules) == 0 && load.NoBuiltin {
		return nil, fmt.Errorf("no rules found in %s: a rule is a package under crlint.rules. with a report set, or deny/warn/violation rules in package main", strings.Join(load.Dirs, ", "))
	}
	e.queryRules = rules
	var mods []Module
	for _, m := range builtin {
		if strings.HasPrefix(m.File, "lib/") {
			mods = append(mods, m)
		}
	}
	if err := e.compile(context.Background(), append(mods, custom...), true); err != nil {
		return nil, err
	}
	return e, nil
}

// moduleOf finds the module a rule was read from.
func moduleOf(mods []Module, r *Rule) Module {
	for _, m := range mods {
		if m.File == r.File {
			return m
		}
	}
	return mods[0]
}

// workerEval evaluates the custom rules on one model in the worker.
func (e *Engine) workerEval(req workerEval) workerReply {
	d := json.NewDecoder(strings.NewReader(string(req.Input)))
	d.UseNumber()
	var in any
	if err := d.Decode(&in); err != nil {
		return workerReply{Err: fmt.Sprintf("read model: %v", err)}
	}
	input, err := inputValue(in)
	if err != nil {
		return workerReply{Err: err.Error()}
	}
	e.timeout = max(req.Timeout, time.Millisecond)
	store := e.store
	if req.Options != nil {
		store = inmem.NewFromObject(map[string]any{"crlint": map[string]any{"options": req.Options}})
	}
	results, err := e.eval(context.Background(), input, store, nil, 1, e.timeout)
	if err != nil {
		return workerReply{Err: err.Error(), Timeout: errors.Is(err, errTimeout)}
	}
	var reply workerReply
	for _, res := range results {
		for i, r := range e.queryRules {
			if r == res.rule {
				reply.Results = append(reply.Results, wireResult{Rule: i, Values: res.values})
			}
		}
	}
	return reply
}

// workerTests runs the Rego tests of custom policy files, with the lib, in
// the worker, writing each result as a frame as soon as it is known.
func workerTests(req workerTest, w *bufio.Writer) error {
	lib, err := parse(policies.FS, "lib", "", false, false)
	if err != nil {
		return err
	}
	custom, err := parseFiles(req.Files)
	if err != nil {
		return err
	}
	g := newGuard()
	for _, m := range custom {
		if err := g.check(m); err != nil {
			return err
		}
	}
	mods := append(lib, custom...)
	// Compile once before the tests run, so that the parent can give the
	// compile its own limit and each test the per-test one.
	modules := make(map[string]*ast.Module, len(mods))
	for _, m := range mods {
		modules[moduleKey(m)] = m.Module
	}
	c := ast.NewCompiler().WithCapabilities(SandboxCapabilities()).WithEnablePrintStatements(true)
	if c.Compile(modules); c.Failed() {
		return policyError(c.Errors)
	}
	if err := writeFrame(w, workerReply{Ready: true}); err != nil {
		return err
	}
	var werr error
	err = runRegoTests(context.Background(), mods, req.Timeout, func(r TestResult) {
		t := &wireTest{Package: r.Package, Name: r.Name, File: r.File, Line: r.Line, Pass: r.Pass, Skip: r.Skip, Duration: r.Duration}
		if r.Err != nil {
			t.Err = r.Err.Error()
		}
		if werr == nil {
			werr = writeFrame(w, workerReply{Test: t})
		}
	})
	if err != nil {
		return err
	}
	return werr
}
