# METADATA
# title: relationship-without-value-proposition
# description: A relationship links no value proposition.
# custom:
#   code: CR209
#   severity: info
#   hint: 'name the value it supports: value_propositions = ["..."] naming [[value_propositions]] items'
#   why: >-
#     A relationship should enhance or support what the company offers. One
#     that links no value proposition may be a habit nobody questioned, or
#     the model has not yet said which offer it serves, which makes its cost
#     hard to justify.
#   fix: >-
#     List the ids of the value propositions the relationship supports in its
#     value_propositions; if it supports none, ask whether it is needed.
#   bad: |
#     [[segments]]
#     id = "smb"
#
#     [[relationships]]
#     id = "desk"
#     type = "personal_assistance"
#     segments = ["smb"]
#   good: |
#     [[segments]]
#     id = "smb"
#
#     [[value_propositions]]
#     id = "setup-help"
#     name = "Up and running in a day"
#
#     [[relationships]]
#     id = "desk"
#     type = "personal_assistance"
#     segments = ["smb"]
#     value_propositions = ["setup-help"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Value Proposition: How do the customer relationships enhance or support your value proposition?"
#     - source: relationships-in-business-model-design.txt
#       quote: >-
#         Consider their preferences, the cost implications of each
#         relationship type, and how it aligns with your value proposition.
package crlint.rules.resourcing["relationship-without-value-proposition"]

import data.crlint.lib

# A relationship with an invalid type is still judged; value propositions
# that all dangle are CR006's.
# A model that writes no value propositions at all has not reached that block of the
# canvas yet: the rule needs at least one item (SPEC §3).
report contains finding if {
	count(input.value_propositions) > 0
	some i, r in input.relationships
	lib.unlinked(r, "value_propositions")
	finding := {
		"path": ["relationships", i, "value_propositions"],
		"message": sprintf("%s links no value proposition", [lib.label("relationships", i)]),
	}
}
