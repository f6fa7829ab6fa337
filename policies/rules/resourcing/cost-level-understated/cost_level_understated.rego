# METADATA
# title: cost-level-understated
# description: A high-touch relationship says its cost level is low.
# custom:
#   code: CR208
#   severity: warning
#   hint: 'state what people cost: cost_level = "medium" or "high"'
#   why: >-
#     Relationships based on human interaction are resource-intensive, and
#     dedicated personal assistance is the most expensive of all. Calling one
#     low-cost understates the cost structure, and decisions made on the
#     canvas (pricing, which segments to serve this way) inherit the error.
#   fix: >-
#     Raise cost_level to what the staff really cost, or, if the relationship
#     is cheap because it is mostly self-service or automated, give it that
#     type instead.
#   bad: |
#     [[segments]]
#     id = "hnwi"
#
#     [[relationships]]
#     id = "banker"
#     type = "dedicated_personal_assistance"
#     segments = ["hnwi"]
#     cost_level = "low"
#   good: |
#     [[segments]]
#     id = "hnwi"
#
#     [[relationships]]
#     id = "banker"
#     type = "dedicated_personal_assistance"
#     segments = ["hnwi"]
#     cost_level = "high"
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: Which ones have we established? How costly are they?
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Disadvantages: Resource-intensive, higher operational costs."
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Disadvantages: Highly resource-intensive, expensive to maintain."
package crlint.rules.resourcing["cost-level-understated"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	r.type in lib.high_touch
	r.cost_level == "low"
	finding := {
		"path": ["relationships", i, "cost_level"],
		"message": sprintf(`%s (%s) says cost_level = "low", but human assistance is costly`, [lib.label("relationships", i), r.type]),
		"severity": lib.touch_severity[r.type],
	}
}
