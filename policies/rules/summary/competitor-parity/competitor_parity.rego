# METADATA
# title: competitor-parity
# description: A competitor has exactly the same set of relationship types as the model.
# custom:
#   code: CR404
#   severity: info
#   hint: 'ask whether another relationship would serve customers better, or record why parity is right: # crlint:disable CR404 reason'
#   why: >-
#     When a competitor relates to the same customers in exactly the same ways,
#     the relationships give customers no reason to choose you over them. The
#     guidance asks whether your relationship is the same as the competitors'
#     and whether it is the best one; parity may be a choice, but it should be
#     a deliberate one.
#   guidance:
#     - source: six-categories-and-planning-questions.txt
#       quote: What relationships do your competitors have with their customers?
#     - source: six-categories-and-planning-questions.txt
#       quote: Is that the same relationship you have with your customers?
#     - source: six-categories-and-planning-questions.txt
#       quote: Is that the best type of relationship to have?
#   fix: >-
#     Consider a relationship type the competitor lacks that your segments
#     value, or keep parity on purpose and suppress the finding with a reason.
#   bad: |
#     [[relationships]]
#     id   = "desk"
#     type = "personal_assistance"
#
#     [[competitors]]
#     name          = "High-street rival"
#     relationships = ["personal_assistance"]
#   good: |
#     [[relationships]]
#     id   = "desk"
#     type = "personal_assistance"
#
#     [[relationships]]
#     id   = "forum"
#     type = "community"
#
#     [[competitors]]
#     name          = "High-street rival"
#     relationships = ["personal_assistance"]
package crlint.rules.summary["competitor-parity"]

import data.crlint.lib

# The model needs at least one relationship type; a relationship with an
# invalid type has none. A competitor's invalid entries (CR003) are treated
# like absent ones: its list is judged on its valid entries (a list with
# none left matches no model, which has at least one type).
report contains finding if {
	count(lib.model_types) > 0
	some i, c in input.competitors
	{t | some t in object.get(c, "relationships", [])} == lib.model_types
	finding := {
		"path": ["competitors", i, "relationships"],
		"message": sprintf("%s has exactly the model's relationship types (%s)", [
			lib.label("competitors", i),
			concat(", ", sort(lib.model_types)),
		]),
	}
}
