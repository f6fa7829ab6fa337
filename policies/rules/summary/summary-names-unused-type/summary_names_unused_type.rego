# METADATA
# title: summary-names-unused-type
# description: The canvas summary names a relationship type that no relationship has.
# custom:
#   code: CR403
#   severity: warning
#   hint: 'name only types the model has, or add the relationship: [[relationships]] id = "..." type = "..."'
#   why: >-
#     The summary on the canvas should sum up the relationships the business
#     has actually established. A type named there but found in no
#     relationship is a promise the model does not keep: either the summary
#     is out of date or a relationship is missing.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: Which ones have we established?
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         To effectively fill out this section of the Business Model Canvas, you
#         need to understand customer expectations, define strategies for
#         getting, keeping, and growing customers, and summarise these on the
#         canvas.
#   fix: >-
#     Remove the type from the summary, or add the relationship that the
#     summary promises with that type.
#   bad: |
#     [summary]
#     relationships = "Self-service and a user community"
#
#     [[relationships]]
#     id   = "app"
#     type = "self_service"
#   good: |
#     [summary]
#     relationships = "Self-service and a user community"
#
#     [[relationships]]
#     id   = "app"
#     type = "self_service"
#
#     [[relationships]]
#     id   = "forum"
#     type = "community"
package crlint.rules.summary["summary-names-unused-type"]

import data.crlint.lib

# One finding per summary, naming every unused type. A relationship with
# an invalid type has none.
report contains finding if {
	unused := sort(lib.summary_named - lib.model_types)
	count(unused) > 0
	finding := {
		"path": ["summary", "relationships"],
		"message": sprintf("the canvas summary names %s, but no relationship has %s", [
			lib.and_join(unused),
			that_type[count(unused) == 1],
		]),
	}
}

# that_type[one] refers back to the unused types, one or several.
that_type := {true: "that type", false: "those types"}
