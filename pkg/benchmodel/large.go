// Package benchmodel writes large models for crlint's benchmarks.
package benchmodel

import (
	"fmt"
	"strings"
)

var (
	types = []string{
		"transactional", "self_service", "automated_services", "personal_assistance",
		"dedicated_personal_assistance", "community", "co_creation", "fans",
		"long_term", "switching_costs", "direct", "indirect",
	}
	markets = []string{"mass", "niche", "segmented", "diversified", "multi_sided"}
)

// LargeModel returns one model with n relationships written as inline
// tables, n/20 segments, value propositions and channels, and n/20 tactics
// in each phase (60,000 relationships make 8.8 MB: check it with a larger
// --max-file-size). Each relationship links a segment, a channel and a value
// proposition; about one in seven names a segment that does not exist
// (CR006), and the types cycle through all twelve, so the type-dependent
// rules have findings all through the file.
func LargeModel(n int) []byte {
	k := max(n/20, 1)
	var b strings.Builder
	fmt.Fprintf(&b, "name = \"Large model of %d relationships\"\nstage = \"growth\"\n", n)
	b.WriteString("summary.relationships = \"Self service, automation and personal assistance\"\n")
	b.WriteString("segments = [\n")
	for i := range k {
		fmt.Fprintf(&b, "{id=\"s%d\",name=\"Segment %d\",market=%q,expects=[\"self_service\"]},\n", i, i, markets[i%len(markets)])
	}
	b.WriteString("]\nvalue_propositions = [\n")
	for i := range k {
		fmt.Fprintf(&b, "{id=\"v%d\",name=\"Offer %d\",segments=[\"s%d\"]},\n", i, i, i)
	}
	b.WriteString("]\nchannels = [\n")
	for i := range k {
		fmt.Fprintf(&b, "{id=\"c%d\",name=\"Channel %d\",ownership=\"owned\",segments=[\"s%d\"]},\n", i, i, i)
	}
	b.WriteString("]\nrelationships = [\n")
	for i := range n {
		seg := fmt.Sprintf("s%d", i%k)
		if i%7 == 3 {
			seg = fmt.Sprintf("gone%d", i)
		}
		fmt.Fprintf(&b, "{id=\"r%d\",type=%q,segments=[%q],channels=[\"c%d\"],value_propositions=[\"v%d\"],motivations=[\"retention\"]},\n",
			i, types[i%len(types)], seg, i%k, i%k)
	}
	b.WriteString("]\n")
	for _, phase := range []string{"get", "keep", "grow"} {
		fmt.Fprintf(&b, "%s = [\n", phase)
		for i := range k {
			fmt.Fprintf(&b, "{tactic=\"%s tactic %d\",relationships=[\"r%d\",\"r%d\"]},\n", phase, i, (i*7)%n, (i*13+1)%n)
		}
		b.WriteString("]\n")
	}
	return []byte(b.String())
}
