# METADATA
# title: one-size-fits-all
# description: Segments of different markets are all served by the model's one relationship.
# custom:
#   code: CR106
#   severity: info
#   hint: 'give each kind of segment the relationship it needs: a further [[relationships]] item with its own type and segments'
#   why: >-
#     Different customers want different things: a bank gives personal help
#     to wealthy clients and self-service to others. When segments as
#     different as a mass market and a niche share a single relationship, the
#     model has probably not asked what each of them expects.
#   fix: >-
#     Consider a relationship of its own for the segments whose market
#     differs, or check that the one relationship really suits them all.
#   bad: |
#     [[segments]]
#     id = "consumers"
#     market = "mass"
#
#     [[segments]]
#     id = "wealthy"
#     market = "niche"
#
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#     segments = ["consumers", "wealthy"]
#   good: |
#     [[segments]]
#     id = "consumers"
#     market = "mass"
#
#     [[segments]]
#     id = "wealthy"
#     market = "niche"
#
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#     segments = ["consumers"]
#
#     [[relationships]]
#     id = "banker"
#     type = "dedicated_personal_assistance"
#     segments = ["wealthy"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Diverse Customer Segments: Different customers want different things.
#         A bank might give personal help to wealthy clients but offer
#         self-service for others.
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         A company should clarify the type of relationship it wants to
#         establish with each Customer Segment.
package crlint.rules.segments["one-size-fits-all"]

import data.crlint.lib

# A relationship serves the segments its references name; a dangling one
# serves nothing, and a segment with no market does not make them differ.
report contains finding if {
	count(input.relationships) == 1
	markets := {seg.market |
		some seg in lib.resolved(input.relationships[0], "segments", "segments")
		is_string(seg.market)
	}
	count(markets) > 1
	finding := {
		"path": ["relationships", 0],
		"message": sprintf("%s is the only relationship but serves segments of different markets (%s)", [lib.label("relationships", 0), concat(", ", sort(markets))]),
	}
}
