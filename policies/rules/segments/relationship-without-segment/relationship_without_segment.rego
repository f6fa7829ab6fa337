# METADATA
# title: relationship-without-segment
# description: A relationship lists no customer segment.
# custom:
#   code: CR101
#   severity: error
#   hint: 'name the segments it serves: segments = ["..."]'
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         The Customer Relationships Building Block describes the types of
#         relationships a company establishes with specific Customer Segments.
#         A company should clarify the type of relationship it wants to
#         establish with each Customer Segment.
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
