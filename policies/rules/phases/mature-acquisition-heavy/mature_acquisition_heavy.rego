# METADATA
# title: mature-acquisition-heavy
# description: A mature business has more get tactics than keep and grow tactics together.
# custom:
#   code: CR306
#   severity: warning
#   hint: 'add retention and upselling tactics: [[keep]] or [[grow]] tactic = "..." relationships = ["..."]'
#   why: >-
#     In a mature, saturated market there are few new customers left to win,
#     so the business lives on keeping the customers it has and growing their
#     value. A mature model that still puts most of its tactics into acquiring
#     customers has its effort in the wrong phase.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         In the early days, for example, mobile network operator Customer
#         Relationships were driven by aggressive acquisition strategies
#         involving free mobile phones. When the market became saturated,
#         operators switched to focusing on customer retention and increasing
#         average revenue per customer.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         This approach is crucial because it ensures a business isn't just
#         focused on gaining new customers but also on keeping existing ones
#         happy and increasing their value to the company.
#   fix: >-
#     Add keep and grow tactics until they at least match the get tactics, or
#     fold get tactics together; if the business is not mature yet, correct
#     its stage.
#   bad: |
#     stage = "mature"
#
#     [[get]]
#     tactic = "TV campaign"
#
#     [[get]]
#     tactic = "Free phone with every contract"
#
#     [[keep]]
#     tactic = "Loyalty points"
#   good: |
#     stage = "mature"
#
#     [[get]]
#     tactic = "Free phone with every contract"
#
#     [[keep]]
#     tactic = "Loyalty points"
#
#     [[grow]]
#     tactic = "Upgrade to the family plan"
package crlint.rules.phases["mature-acquisition-heavy"]

import data.crlint.lib

report contains finding if {
	input.stage == "mature"
	gets := count(object.get(input, "get", []))
	others := count(object.get(input, "keep", [])) + count(object.get(input, "grow", []))
	gets > others
	finding := {
		"path": ["stage"],
		"message": sprintf(
			"the business is mature but get has %s, more than keep and grow together (%d)",
			[lib.plural(gets, "tactic"), others],
		),
	}
}
