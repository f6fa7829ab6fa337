# METADATA
# title: keep-relies-on-switching-costs
# description: Every relationship that keep tactics reference is switching_costs.
# custom:
#   code: CR304
#   severity: warning
#   hint: 'reference a relationship that keeps customers satisfied from a [[keep]] tactic: relationships = ["..."]'
#   why: >-
#     Switching costs hold customers by making it hard to leave, not by making
#     them want to stay. When retention rests on that alone, customers stay
#     resentful rather than loyal, and leave as soon as a competitor lowers
#     the barrier.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Switching costs create barriers that prevent customers from changing
#         providers.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Disadvantages: Can create customer resentment, limits flexibility.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Keep: Retain customers by providing excellent service, engaging with
#         them regularly, and creating loyalty programs. The goal is to keep them
#         satisfied and loyal.
#   fix: >-
#     Add a keep tactic, or extend one, that uses a relationship customers
#     value for itself (personal assistance, a community, long-term service),
#     so that switching costs are a backstop rather than the whole strategy.
#   bad: |
#     [[relationships]]
#     id   = "contract"
#     type = "switching_costs"
#
#     [[keep]]
#     tactic        = "24-month contract with early-exit fee"
#     relationships = ["contract"]
#   good: |
#     [[relationships]]
#     id   = "contract"
#     type = "switching_costs"
#
#     [[relationships]]
#     id   = "care"
#     type = "personal_assistance"
#
#     [[keep]]
#     tactic        = "24-month contract with early-exit fee"
#     relationships = ["contract"]
#
#     [[keep]]
#     tactic        = "Yearly plan review with a care agent"
#     relationships = ["care"]
package crlint.rules.phases["keep-relies-on-switching-costs"]

import data.crlint.lib

# Only relationships that exist and have a valid type are judged, and at
# least one is needed.
report contains finding if {
	typed := {r | some r in lib.phase_relationships("keep"); is_string(r.type)}
	{r.type | some r in typed} == {"switching_costs"}
	ids := sort({sprintf("%q", [r.id]) | some r in typed})
	finding := {
		"path": ["keep"],
		"message": sprintf(
			"the keep phase relies on switching costs alone: every relationship its tactics reference (%s) is switching_costs",
			[concat(", ", ids)],
		),
	}
}
