# METADATA
# title: tactic-without-relationship
# description: A get, keep or grow tactic references no relationship.
# custom:
#   code: CR302
#   severity: info
#   hint: 'name the relationship the tactic uses: relationships = ["..."] naming [[relationships]] ids'
#   why: >-
#     Get, Keep and Grow tactics are how the relationships on the canvas are
#     put to work. A tactic tied to no relationship floats free of the model:
#     nobody can tell which relationship it acquires, retains or grows
#     customers through, nor what it costs.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         To effectively fill out this section of the Business Model Canvas, you
#         need to understand customer expectations, define strategies for
#         getting, keeping, and growing customers, and summarise these on the
#         canvas.
#     - source: bmc-building-block-definition.txt
#       quote: How are they integrated with the rest of our business model?
#   fix: >-
#     List the ids of the relationships the tactic relies on under its
#     relationships key. If no relationship fits, the model is missing one:
#     add it as a [[relationships]] item.
#   bad: |
#     [[relationships]]
#     id   = "forum"
#     type = "community"
#
#     [[keep]]
#     tactic = "Monthly community meetups"
#   good: |
#     [[relationships]]
#     id   = "forum"
#     type = "community"
#
#     [[keep]]
#     tactic        = "Monthly community meetups"
#     relationships = ["forum"]
package crlint.rules.phases["tactic-without-relationship"]

import data.crlint.lib

# A tactic whose references all dangle is CR006's alone: lib.unlinked holds
# only when the key is absent or [].
report contains finding if {
	some phase in lib.phases
	some i, t in input[phase]
	lib.unlinked(t, "relationships")
	finding := {
		"path": [phase, i, "relationships"],
		"message": sprintf("%s references no relationship", [lib.label(phase, i)]),
	}
}
