# METADATA
# title: high-touch-mass-market
# description: A dedicated personal assistance relationship serves a mass-market segment.
# custom:
#   code: CR105
#   severity: warning
#   hint: 'serve a mass market with a relationship that scales: type = "personal_assistance", "self_service" or "automated_services"'
#   why: >-
#     Dedicated personal assistance gives one representative to each client:
#     the deepest and most expensive relationship there is, which the
#     guidance pairs with a luxury brand, not a mass market. A mass market
#     has too many customers for that to pay, so either the segment is not
#     really a mass market or the relationship will not scale.
#   fix: >-
#     Serve the mass segment with a relationship that scales (personal
#     assistance, self-service, automated services or a community), keep the
#     dedicated relationship for a niche segment, or correct the segment's
#     market.
#   bad: |
#     [[segments]]
#     id = "consumers"
#     market = "mass"
#
#     [[relationships]]
#     id = "concierge"
#     type = "dedicated_personal_assistance"
#     segments = ["consumers"]
#   good: |
#     [[segments]]
#     id = "consumers"
#     market = "mass"
#
#     [[relationships]]
#     id = "helpdesk"
#     type = "personal_assistance"
#     segments = ["consumers"]
#   guidance:
#     - source: relationships-in-business-model-design.txt
#       quote: >-
#         For instance, a luxury brand might offer dedicated personal
#         assistance, while a software-as-a-service (SaaS) company might rely
#         on online FAQs, community forums, and automated support tickets.
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         This relationship involves dedicating a customer representative
#         specifically to an individual client. It represents the deepest and
#         most intimate type of relationship and normally develops over a long
#         period of time.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Disadvantages: Highly resource-intensive, expensive to maintain."
package crlint.rules.segments["high-touch-mass-market"]

import data.crlint.lib

# One finding for each reference to a mass segment, pointing at it.
report contains finding if {
	some i, r in input.relationships
	r.type == "dedicated_personal_assistance"
	some j, s in lib.refs(r, "segments")
	lib.by_id.segments[s].market == "mass"
	finding := {
		"path": ["relationships", i, "segments", j],
		"message": sprintf("%s (dedicated_personal_assistance) serves segment %q, a mass market", [lib.label("relationships", i), s]),
	}
}
