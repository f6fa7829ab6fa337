// Command benchcompare times two commands on the same files in alternation
// (A B A B …) and prints the median of the per-pair ratios A ÷ B for wall
// time, CPU time (user + system) and peak RSS, read from each child's
// rusage. The machines crlint is measured on are shared and noisy: a ratio
// taken within one pair cancels most of the drift that absolute times carry.
//
//	go run ./cmd/benchcompare -bench ../shared/bench -cache .cache/bench \
//	    -crlint bin/crlint -conftest .cache/bench/bin/conftest -sizes 1,1000,10000
//
// For each size N > 1 the corpus is written once by the bench directory's
// gen_corpus.py into the cache directory; size 1 is the bench's model.toml.
// make bench-compare builds crlint, installs conftest and runs this.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// sample is one run of one command.
type sample struct {
	wall, cpu time.Duration
	rssKiB    int64
}

func main() {
	bench := flag.String("bench", "../shared/bench", "the side-by-side workload: model.toml, policy/, gen_corpus.py")
	cache := flag.String("cache", ".cache/bench", "where the corpora are written")
	crlint := flag.String("crlint", "bin/crlint", "the crlint binary")
	conftest := flag.String("conftest", ".cache/bench/bin/conftest", "the conftest binary")
	sizes := flag.String("sizes", "1,1000,10000", "corpus sizes, comma-separated")
	runs := flag.Int("runs", 0, "pairs per size (0: 15 for 1 file, 7 up to 1,000, 3 above)")
	cmdA := flag.String("a", "", "instead: any command A (split at spaces) to compare with -b")
	cmdB := flag.String("b", "", "the command B that -a is compared with")
	flag.Parse()
	if *cmdA != "" {
		if err := pair(os.Stdout, strings.Fields(*cmdA), strings.Fields(*cmdB), max(*runs, 1)); err != nil {
			fmt.Fprintln(os.Stderr, "benchcompare:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(os.Stdout, *bench, *cache, *crlint, *conftest, *sizes, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, bench, cache, crlint, conftest, sizeList string, runs int) error {
	var sizes []int
	for _, s := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	policy := filepath.Join(bench, "policy")
	host, _ := os.Hostname()
	fmt.Fprintf(w, "# %s, %s, %d CPUs (%s/%s), %s\n", time.Now().UTC().Format("2006-01-02 15:04Z"), host, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, cpuModel())
	fmt.Fprintf(w, "# crlint check --fail-on none FILES  vs  conftest test FILES -p %s; medians of per-pair ratios crlint ÷ conftest\n\n", policy)
	fmt.Fprintln(w, "| files | pairs | wall ratio | CPU ratio | RSS ratio | crlint wall | conftest wall | crlint CPU | conftest CPU | crlint RSS | conftest RSS |")
	fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, n := range sizes {
		target := filepath.Join(bench, "model.toml")
		if n > 1 {
			target = filepath.Join(cache, fmt.Sprintf("corpus-%d", n))
			if err := corpus(bench, target, n); err != nil {
				return err
			}
		}
		k := runs
		if k <= 0 {
			k = 15
			if n > 1 {
				k = 7
			}
			if n > 1000 {
				k = 3
			}
		}
		a := []string{crlint, "check", "--fail-on", "none", target}
		b := []string{conftest, "test", target, "-p", policy}
		as, bs, err := alternate(a, b, k)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %d | %d | **%.2f** | %.2f | %.2f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f MiB | %.1f MiB |\n",
			n, k, ratio(as, bs, wall), ratio(as, bs, cpu), ratio(as, bs, rss),
			abs(as, wall), abs(bs, wall), abs(as, cpu), abs(bs, cpu), abs(as, rss), abs(bs, rss))
	}
	return nil
}

// pair compares two arbitrary commands: A ÷ B, medians of k pairs.
func pair(w io.Writer, a, b []string, k int) error {
	if len(a) == 0 || len(b) == 0 {
		return errors.New("-a and -b both name a command")
	}
	as, bs, err := alternate(a, b, k)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "A ÷ B over %d pairs: wall %.3f, CPU %.3f, RSS %.3f\n", k, ratio(as, bs, wall), ratio(as, bs, cpu), ratio(as, bs, rss))
	fmt.Fprintf(w, "A: wall %.2f ms, CPU %.2f ms, RSS %.1f MiB\n", abs(as, wall), abs(as, cpu), abs(as, rss))
	fmt.Fprintf(w, "B: wall %.2f ms, CPU %.2f ms, RSS %.1f MiB\n", abs(bs, wall), abs(bs, cpu), abs(bs, rss))
	return nil
}

// alternate runs a and b k times each, A B A B, after one warm-up pair
// that fills the page cache for both.
func alternate(a, b []string, k int) (as, bs []sample, err error) {
	if _, err := measure(a); err != nil {
		return nil, nil, err
	}
	if _, err := measure(b); err != nil {
		return nil, nil, err
	}
	for range k {
		sa, err := measure(a)
		if err != nil {
			return nil, nil, err
		}
		sb, err := measure(b)
		if err != nil {
			return nil, nil, err
		}
		as, bs = append(as, sa), append(bs, sb)
	}
	return as, bs, nil
}

func wall(s sample) float64 { return s.wall.Seconds() * 1000 }
func cpu(s sample) float64  { return max(s.cpu.Seconds()*1000, 0.001) }
func rss(s sample) float64  { return float64(s.rssKiB) / 1024 }

// ratio is the median of the per-pair ratios f(a) ÷ f(b).
func ratio(as, bs []sample, f func(sample) float64) float64 {
	r := make([]float64, len(as))
	for i := range as {
		r[i] = f(as[i]) / f(bs[i])
	}
	return median(r)
}

// abs is the median of f over the samples.
func abs(s []sample, f func(sample) float64) float64 {
	v := make([]float64, len(s))
	for i := range s {
		v[i] = f(s[i])
	}
	return median(v)
}

// corpus writes n models into dir with gen_corpus.py unless it holds them.
func corpus(bench, dir string, n int) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) == n {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	cmd := exec.Command("python3", filepath.Join(bench, "gen_corpus.py"), dir, strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("gen_corpus.py %s %d: %w", dir, n, err)
	}
	return nil
}

// measure runs argv with its output discarded and reads its rusage. An exit
// status of 0 or 1 (findings) is expected; anything else is an error.
func measure(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		return sample{}, fmt.Errorf("%s: %w: %s", strings.Join(argv, " "), err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("no rusage on %s", runtime.GOOS)
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKiB: ru.Maxrss}, nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// cpuModel names the processor from /proc/cpuinfo, or "" elsewhere.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
