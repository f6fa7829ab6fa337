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
// in each phase. About one relationship in seven names a segment that does
// not exist, and one segment in ten is served by no relationship, so the
// rules have findings to report all through the file.
func LargeModel(n int) []byte {
	k := max(n/20, 1)
	var b strings.Builder
	fmt.Fprintf(&b, "name = \"Large model of %d relationships\"\nstage = \"growth\"\n", n)
	b.WriteString("summary.relationships = \"Self service, automation and personal assistance\"\n")
	b.WriteString("segments = [\n")
	for i := range k {
		fmt.Fprintf(&b, "  { id = \"seg-%d\", name = \"Segment %d\", market = %q, expects = [\"self_service\"] },\n", i, i, markets[i%len(markets)])
	}
	b.WriteString("]\nvalue_propositions = [\n")
	for i := range k {
		fmt.Fprintf(&b, "  { id = \"vp-%d\", name = \"Offer %d\", segments = [\"seg-%d\"] },\n", i, i, i)
	}
	b.WriteString("]\nchannels = [\n")
	for i := range k {
		fmt.Fprintf(&b, "  { id = \"ch-%d\", name = \"Channel %d\", ownership = \"owned\", segments = [\"seg-%d\"] },\n", i, i, i)
	}
	b.WriteString("]\nrelationships = [\n")
	for i := range n {
		seg := fmt.Sprintf("seg-%d", i%k-i%k%10+i%9)
		if i%7 == 3 {
			seg = fmt.Sprintf("seg-gone-%d", i)
		}
		fmt.Fprintf(&b, "{id=\"rel-%d\",type=%q,segments=[%q],motivations=[\"retention\"]},\n", i, types[i%len(types)], seg)
	}
	b.WriteString("]\n")
	for _, phase := range []string{"get", "keep", "grow"} {
		fmt.Fprintf(&b, "%s = [\n", phase)
		for i := range max(n/20, 1) {
			fmt.Fprintf(&b, "  { tactic = \"%s tactic %d\", relationships = [\"rel-%d\", \"rel-%d\"] },\n", phase, i, (i*7)%n, (i*13+1)%n)
		}
		b.WriteString("]\n")
	}
	return []byte(b.String())
}
