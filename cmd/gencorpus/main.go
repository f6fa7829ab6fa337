// Command gencorpus writes a deterministic corpus of business models for
// crlint's benchmarks: N files of about 120 lines each, like the
// specification's example, varied so that about half have findings. With
// -items it writes one large model instead, of that many relationships
// (and a tenth as many segments, value propositions and channels, a
// twentieth as many tactics a phase), for measuring growth with model size.
//
//	go run ./cmd/gencorpus -n 1000 -o testdata/bench/1000
//	go run ./cmd/gencorpus -items 60000 -o testdata/bench/large-60000.toml
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/crlint/crlint/pkg/benchmodel"
)

var types = []string{
	"transactional", "self_service", "automated_services", "personal_assistance",
	"dedicated_personal_assistance", "community", "co_creation", "fans",
	"long_term", "switching_costs", "direct", "indirect",
}

var markets = []string{"mass", "niche", "segmented", "diversified", "multi_sided"}

type rel struct {
	ID, Type, Segment string
	Costs, Resources  bool
}

type modelData struct {
	N        int
	Stage    string
	Segments []string
	Markets  []string
	Rels     []rel
	Keep     bool
}

var tmpl = template.Must(template.New("m").Parse(`# Generated model {{.N}} for crlint benchmarks.
name  = "Generated business {{.N}}"
stage = "{{.Stage}}"

[summary]
relationships = "Personal assistance and self service"
{{range $i, $s := .Segments}}
[[segments]]
id       = "{{$s}}"
name     = "Segment {{$s}}"
market   = "{{index $.Markets $i}}"
expects  = ["personal_assistance"]
evidence = ["interviews"]
{{end}}
[[value_propositions]]
id       = "core"
name     = "The core offer"
segments = [{{range $i, $s := .Segments}}{{if $i}}, {{end}}"{{$s}}"{{end}}]

[[channels]]
id        = "web"
name      = "Website"
ownership = "owned"
segments  = [{{range $i, $s := .Segments}}{{if $i}}, {{end}}"{{$s}}"{{end}}]
{{range .Rels}}
[[relationships]]
id                 = "{{.ID}}"
type               = "{{.Type}}"
segments           = ["{{.Segment}}"]
motivations        = ["acquisition", "retention"]
channels           = ["web"]
value_propositions = ["core"]
resources          = [{{if .Resources}}"staff", "platform"{{end}}]
activities         = ["support"]
partners           = ["resellers"]
costs              = [{{if .Costs}}"salaries"{{end}}]
cost_level         = "medium"
description        = "Relationship {{.ID}}"
{{end}}
[[key_resources]]
id   = "staff"
name = "Support staff"
kind = "human"

[[key_resources]]
id   = "platform"
name = "Platform"
kind = "intellectual"

[[key_activities]]
id   = "support"
name = "Customer support"
kind = "problem_solving"

[[key_partners]]
id   = "resellers"
name = "Resellers"
role = "reseller"

[[revenue_streams]]
id   = "subs"
name = "Subscriptions"
type = "subscription"

[[costs]]
id   = "salaries"
name = "Salaries"
kind = "fixed"

[[get]]
tactic        = "Referral programme"
relationships = ["{{(index .Rels 0).ID}}"]
metric        = "20% of sign-ups"
{{if .Keep}}
[[keep]]
tactic        = "Quarterly review call"
relationships = ["{{(index .Rels 0).ID}}"]
{{end}}
[[grow]]
tactic        = "Offer the premium tier"
relationships = ["{{(index .Rels 0).ID}}"]

[[competitors]]
name          = "Incumbent"
relationships = ["personal_assistance", "transactional"]
`))

func main() {
	n := flag.Int("n", 100, "number of models")
	out := flag.String("o", "testdata/bench/corpus", "output directory")
	seed := flag.Uint64("seed", 1, "random seed")
	items := flag.Int("items", 0, "write one model of this many relationships to the -o file instead")
	flag.Parse()
	if *items > 0 {
		if err := os.WriteFile(*out, benchmodel.LargeModel(*items), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(2)
		}
		return
	}
	if err := generate(*n, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
}

func generate(n int, dir string, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, seed))
	for i := range n {
		d := modelData{N: i, Stage: []string{"idea", "launch", "growth", "mature"}[r.IntN(4)], Keep: r.IntN(5) > 0}
		for j := range 2 + r.IntN(2) {
			d.Segments = append(d.Segments, fmt.Sprintf("seg-%d", j))
			d.Markets = append(d.Markets, markets[r.IntN(len(markets))])
		}
		for j := range 2 + r.IntN(2) {
			d.Rels = append(d.Rels, rel{
				ID: fmt.Sprintf("rel-%d", j), Type: types[r.IntN(len(types))],
				Segment: d.Segments[j%len(d.Segments)], Costs: r.IntN(3) > 0, Resources: r.IntN(3) > 0,
			})
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, d); err != nil {
			return err
		}
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("model-%05d.toml", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
