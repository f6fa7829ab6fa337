# METADATA
# title: high-touch-without-costs
# description: A high-touch relationship links no cost entry.
# custom:
#   code: CR202
#   severity: error
#   hint: 'link the costs it creates: costs = ["..."] naming [[costs]] items'
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         What type of relationship does each of our Customer Segments expect us
#         to establish and maintain with them? Which ones have we established?
#         How costly are they?
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Dedicated Personal Assistance ... Disadvantages: Highly resource-intensive, expensive to maintain."
package crlint.rules.resourcing["high-touch-without-costs"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	r.type in lib.high_touch
	lib.unlinked(r, "costs")
	finding := {
		"path": ["relationships", i, "costs"],
		"message": sprintf("%s (%s) has no cost entry", [lib.label("relationships", i), r.type]),
		"severity": lib.touch_severity[r.type],
	}
}
