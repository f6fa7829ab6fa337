# METADATA
# title: relationship-value-proposition-mismatch
# description: A relationship serves a segment that none of its linked value propositions is for.
# custom:
#   code: CR212
#   severity: warning
#   hint: 'link a value proposition for the segment (value_propositions = ["..."]), or add the segment to a linked value proposition''s segments'
#   why: >-
#     A relationship exists to deliver and support a value proposition. When
#     it serves a segment that none of its value propositions is for, the
#     relationship supports nothing that segment is offered: either a value
#     proposition for the segment is missing, or the relationship serves the
#     wrong segment.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Value Proposition: How do the customer relationships enhance or
#         support your value proposition?
#     - source: relationships-in-business-model-design.txt
#       quote: >-
#         Consider their preferences, the cost implications of each
#         relationship type, and how it aligns with your value proposition.
#   fix: >-
#     Link a value proposition offered to the segment, or add the segment to
#     the segments of a value proposition the relationship already supports.
#     A value proposition with no segments is for every segment.
#   bad: |
#     [[segments]]
#     id = "hnwi"
#
#     [[segments]]
#     id = "retail"
#
#     [[value_propositions]]
#     id       = "wealth-care"
#     segments = ["hnwi"]
#
#     [[relationships]]
#     id                 = "private-banker"
#     type               = "dedicated_personal_assistance"
#     segments           = ["hnwi", "retail"]
#     value_propositions = ["wealth-care"]
#   good: |
#     [[segments]]
#     id = "hnwi"
#
#     [[segments]]
#     id = "retail"
#
#     [[value_propositions]]
#     id       = "wealth-care"
#     segments = ["hnwi"]
#
#     [[relationships]]
#     id                 = "private-banker"
#     type               = "dedicated_personal_assistance"
#     segments           = ["hnwi"]
#     value_propositions = ["wealth-care"]
package crlint.rules.resourcing["relationship-value-proposition-mismatch"]

import data.crlint.lib

# Only a relationship that links at least one value proposition that exists
# is judged (none at all is CR209's); one finding per segment left without
# one, at its reference in the relationship's segments.
report contains finding if {
	some i, r in input.relationships
	missed := lib.unreached(r, "value_propositions")
	count(missed) > 0
	linked := lib.id_list(lib.linked_ids(r, "value_propositions")) # once per relationship
	some [j, s] in missed
	finding := {
		"path": ["relationships", i, "segments", j],
		"message": sprintf("%s serves segment %q but none of its value propositions (%s) is for it", [
			lib.label("relationships", i), s, linked,
		]),
	}
}
