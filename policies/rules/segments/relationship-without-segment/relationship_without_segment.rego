# METADATA
# title: relationship-without-segment
# description: A relationship lists no customer segment.
# custom:
#   code: CR101
#   severity: error
#   hint: 'name the segments it serves: segments = ["..."]'
#   why: >-
#     The Customer Relationships block describes relationships with specific
#     customer segments. A relationship that names no segment cannot be checked
#     against what any segment expects, and nobody can tell whom it is for.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         The Customer Relationships Building Block describes the types of
#         relationships a company establishes with specific Customer Segments.
#         A company should clarify the type of relationship it wants to
#         establish with each Customer Segment.
#   fix: >-
#     List the ids of the segments the relationship serves under its segments
#     key; if it serves nobody, remove it.
#   bad: |
#     [[segments]]
#     id = "smb"
#
#     [[relationships]]
#     id   = "helpdesk"
#     type = "personal_assistance"
#   good: |
#     [[segments]]
#     id = "smb"
#
#     [[relationships]]
#     id       = "helpdesk"
#     type     = "personal_assistance"
#     segments = ["smb"]
package crlint.rules.segments["relationship-without-segment"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	lib.unlinked(r, "segments")
	finding := {
		"path": ["relationships", i, "segments"],
		"message": sprintf("%s serves no customer segment", [lib.label("relationships", i)]),
	}
}
