# METADATA
# title: high-touch-without-costs
# description: A high-touch relationship links no cost entry and no key partner.
# custom:
#   code: CR202
#   severity: error
#   hint: 'link the costs it creates: costs = ["..."] naming [[costs]] items, or the partner who carries them: partners = ["..."]'
#   why: >-
#     High-touch relationships are the most expensive kind to run: the
#     guidance calls them resource-intensive and expensive to maintain. A
#     high-touch relationship with no cost entry leaves that cost out of the
#     Cost Structure, so the model looks cheaper than it is. A linked key
#     partner satisfies the rule: when dealers or agencies deliver the
#     relationship, its cost is in what the partner is paid.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         What type of relationship does each of our Customer Segments expect us
#         to establish and maintain with them? Which ones have we established?
#         How costly are they?
#     - source: 12-types-and-get-keep-grow.txt (8. Dedicated Personal Assistance)
#       quote: "Disadvantages: Highly resource-intensive, expensive to maintain."
#   fix: >-
#     Add a [[costs]] item for what the relationship costs (salaries, training,
#     offices) and list its id under the relationship's costs.
#   bad: |
#     [[relationships]]
#     id   = "private-banker"
#     type = "dedicated_personal_assistance"
#   good: |
#     [[relationships]]
#     id    = "private-banker"
#     type  = "dedicated_personal_assistance"
#     costs = ["banker-salaries"]
#
#     [[costs]]
#     id   = "banker-salaries"
#     kind = "fixed"
package crlint.rules.resourcing["high-touch-without-costs"]

import data.crlint.lib

# A partner that delivers the relationship carries its cost; partners that
# all dangle neither satisfy the rule nor let it fire (CR006 alone).
report contains finding if {
	some i, r in input.relationships
	r.type in lib.high_touch
	lib.unlinked(r, "costs")
	not lib.only_dangling(r, "partners", "key_partners")
	count(lib.resolved(r, "partners", "key_partners")) == 0
	finding := {
		"path": ["relationships", i, "costs"],
		"message": sprintf("%s (%s) has no cost entry", [lib.label("relationships", i), r.type]),
		"severity": lib.touch_severity[r.type],
	}
}
