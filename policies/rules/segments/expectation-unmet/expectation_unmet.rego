# METADATA
# title: expectation-unmet
# description: A segment expects a relationship type that no relationship serving it has.
# custom:
#   code: CR103
#   severity: warning
#   hint: 'serve the segment with a relationship of that type: type = "..." and segments = ["<segment id>"]'
#   why: >-
#     A segment's expects list records the relationships its customers said
#     they want. When none of the relationships that serve the segment is of
#     an expected type, the model ignores what it found out about its
#     customers, or the expectation is out of date.
#   fix: >-
#     Serve the segment with a relationship of the expected type (a new one,
#     or an existing one of that type listing the segment), or drop the
#     expectation if the research no longer supports it.
#   bad: |
#     [[segments]]
#     id = "smb"
#     expects = ["community"]
#
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#     segments = ["smb"]
#   good: |
#     [[segments]]
#     id = "smb"
#     expects = ["community"]
#
#     [[relationships]]
#     id = "forum"
#     type = "community"
#     segments = ["smb"]
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         What type of relationship does each of our Customer Segments expect us
#         to establish and maintain with them? Which ones have we established?
#     - source: relationships-in-business-model-design.txt
#       quote: >-
#         The choice of relationship type should align with the customer
#         segment's expectations, the business's resources, and the overall
#         business model strategy.
package crlint.rules.segments["expectation-unmet"]

import data.crlint.lib

# types_for[s] is the set of types of the relationships that list segment
# id s. A relationship with an invalid type (removed by the loader) adds none.
# served holds [segment id, type] for every type of a relationship that
# lists the segment: one set built once per model, so that each expectation
# is one lookup (a lookup in a per-segment object of types cost a pass over
# every relationship, which made 60,000 relationships quadratic).
served contains [s, r.type] if {
	some r in input.relationships
	is_string(r.type)
	some s in lib.refs(r, "segments")
}

report contains finding if {
	some i, seg in input.segments
	is_string(seg.id)
	some j, t in object.get(seg, "expects", [])
	is_string(t)
	not _served(seg, t)
	finding := {
		"path": ["segments", i, "expects", j],
		"message": sprintf("%s expects %s but no relationship serving it has that type", [lib.label("segments", i), t]),
	}
}

# served_types is the set of types of the relationships serving seg; none
# reach the second of a duplicated id.
_served(seg, t) if {
	lib.referable(seg)
	[seg.id, t] in served
}
