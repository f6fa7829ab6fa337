# METADATA
# title: segment-without-relationship
# description: No relationship serves a customer segment.
# custom:
#   code: CR102
#   severity: warning
#   hint: 'serve it from a relationship: segments = ["<segment id>"] in a [[relationships]] item'
#   why: >-
#     The canvas should say how the company relates to each of its customer
#     segments. A segment that no relationship serves is either a segment the
#     business does not really address, or a relationship that was never
#     written down, and the rules about costs, resources and phases cannot
#     judge what is not there.
#   fix: >-
#     Add the segment's id to the segments of the relationship that serves it,
#     or add a [[relationships]] item for it; remove the segment if the
#     business does not address it.
#   bad: |
#     [[segments]]
#     id = "smb"
#
#     [[segments]]
#     id = "enterprise"
#
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#     segments = ["smb"]
#   good: |
#     [[segments]]
#     id = "smb"
#
#     [[segments]]
#     id = "enterprise"
#
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#     segments = ["smb"]
#
#     [[relationships]]
#     id = "account-manager"
#     type = "dedicated_personal_assistance"
#     segments = ["enterprise"]
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         A company should clarify the type of relationship it wants to
#         establish with each Customer Segment.
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         What type of relationship does each of our Customer Segments expect us
#         to establish and maintain with them?
package crlint.rules.segments["segment-without-relationship"]

import data.crlint.lib

# A segment without a usable id (CR004/CR003) cannot be referenced: the
# loader's finding is the one to fix. The second of a duplicated id (CR005)
# is an item of its own that references never reach, so nothing serves it.
report contains finding if {
	some i, seg in input.segments
	is_string(seg.id)
	not served(seg)
	finding := {
		"path": ["segments", i],
		"message": sprintf("%s is served by no relationship", [lib.label("segments", i)]),
	}
}

served(seg) if {
	lib.referable(seg)
	seg.id in lib.served_segments
}
