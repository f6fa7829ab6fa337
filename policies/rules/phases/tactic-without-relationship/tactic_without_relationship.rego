# METADATA
# title: tactic-without-relationship
# description: A keep tactic references no relationship.
# custom:
#   code: CR302
#   severity: info
#   hint: 'name the relationship the tactic uses: relationships = ["..."] naming [[relationships]] ids'
#   why: >-
#     Keep tactics are how the relationships on the canvas hold on to
#     customers: service, regular engagement, loyalty programmes. A keep
#     tactic tied to no relationship floats free of the model: nobody can
#     tell which relationship retains the customers, nor what it costs. Get
#     and grow tactics are not judged: press coverage, advertising or a
#     crowdfunding campaign may work without any relationship.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         To effectively fill out this section of the Business Model Canvas, you
#         need to understand customer expectations, define strategies for
#         getting, keeping, and growing customers, and summarise these on the
#         canvas.
#     - source: bmc-building-block-definition.txt
#       quote: How are they integrated with the rest of our business model?
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Keep: Retain customers by providing excellent service, engaging with
#         them regularly, and creating loyalty programs.
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
# Only keep tactics are judged (v2): a get or grow tactic may be marketing,
# PR or brand building, which the guidance counts as getting customers
# ("marketing, social media, and referrals") without any relationship.
report contains finding if {
	some i, t in input.keep
	lib.unlinked(t, "relationships")
	finding := {
		"path": ["keep", i, "relationships"],
		"message": sprintf("%s references no relationship", [lib.label("keep", i)]),
	}
}
