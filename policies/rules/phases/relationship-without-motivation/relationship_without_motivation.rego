# METADATA
# title: relationship-without-motivation
# description: A relationship has no motivation and no get, keep or grow tactic references it.
# custom:
#   code: CR303
#   severity: info
#   hint: 'say what it is for: motivations = ["acquisition"] (or "retention", "upselling"), or reference it from a [[get]], [[keep]] or [[grow]] tactic'
#   why: >-
#     Relationships are driven by acquisition, retention or upselling. A
#     relationship that declares none of these and that no tactic uses has no
#     stated purpose, so nobody can judge whether it earns its cost or could
#     be dropped.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         Customer relationships may be driven by the following motivations:
#     - source: relationships-in-business-model-design.txt
#       quote: >-
#         It influences customer acquisition, retention, and overall customer
#         experience.
#   fix: >-
#     Add motivations with the phases the relationship serves, or reference
#     its id from the get, keep or grow tactics that use it. If it serves no
#     phase, consider removing it.
#   bad: |
#     [[relationships]]
#     id       = "forum"
#     type     = "community"
#     segments = ["makers"]
#   good: |
#     [[relationships]]
#     id          = "forum"
#     type        = "community"
#     segments    = ["makers"]
#     motivations = ["retention"]
package crlint.rules.phases["relationship-without-motivation"]

import data.crlint.lib

# An item with an invalid type still counts; a relationship with no id
# (CR004) cannot be referenced; motivations that are all invalid (CR003) are
# not "no motivation".
report contains finding if {
	some i, r in input.relationships
	lib.unmotivated(r)
	finding := {
		"path": ["relationships", i],
		"message": sprintf("%s has no motivation and no tactic references it", [lib.label("relationships", i)]),
	}
}
