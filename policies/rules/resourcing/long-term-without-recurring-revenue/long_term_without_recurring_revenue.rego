# METADATA
# title: long-term-without-recurring-revenue
# description: A long-term relationship serves segments that no recurring revenue stream serves.
# custom:
#   code: CR207
#   severity: warning
#   off_by_default: true
#   hint: 'earn from the relationship over time: a [[revenue_streams]] item with type = "subscription" (or recurring = true) and segments = ["<segment id>"]'
#   why: >-
#     A long-term relationship is ongoing work for the company: regular
#     check-ins, updates and support over years. Its reward is predictable,
#     recurring revenue; if the segments it serves pay only once, the model
#     carries the cost of the relationship without the income that justifies
#     it. The rule is off by default: the guidance's own long-term example,
#     a training company's certification programme, is often paid once up
#     front, and a coach would not call that a flaw. Turn it on
#     (CR207 = "warning" in [rules]) where long-term relationships are
#     meant to be paid for over time.
#   fix: >-
#     Add a recurring revenue stream (subscription, lending, renting,
#     licensing, or any stream with recurring = true) for those segments, or
#     extend an existing one to them; otherwise reconsider whether the
#     relationship is really long-term.
#   bad: |
#     [[segments]]
#     id = "members"
#
#     [[relationships]]
#     id = "coaching"
#     type = "long_term"
#     segments = ["members"]
#
#     [[revenue_streams]]
#     id = "enrolment"
#     type = "asset_sale"
#     segments = ["members"]
#   good: |
#     [[segments]]
#     id = "members"
#
#     [[relationships]]
#     id = "coaching"
#     type = "long_term"
#     segments = ["members"]
#
#     [[revenue_streams]]
#     id = "membership"
#     type = "subscription"
#     segments = ["members"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Long-term relationships involve ongoing interactions aimed at
#         sustained customer engagement.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Advantages: Sustained engagement, predictable revenue."
#     - source: nine-types-with-examples.txt
#       quote: >-
#         The company interacts with the customer on a recurring basis, as the
#         customer continues to pay for the service over a longer period of
#         time.
package crlint.rules.resourcing["long-term-without-recurring-revenue"]

import data.crlint.lib

recurring_streams := [s | some s in input.revenue_streams; lib.recurring(s)]

# A recurring stream that names no existing segment serves every segment.
recurring_for_all if {
	some s in recurring_streams
	lib.stream_serves_all(s)
}

recurring_segments := {id | some s in recurring_streams; some id in lib.refs(s, "segments")}

# The long_term relationship comes first, so a model without one (most
# models) never looks at its revenue streams.
report contains finding if {
	some i, r in input.relationships
	r.type == "long_term"
	not recurring_for_all
	unpaid := {s |
		some s in lib.refs(r, "segments")
		lib.by_id.segments[s]
		not s in recurring_segments
	}
	count(unpaid) > 0
	finding := {
		"path": ["relationships", i, "type"],
		"message": sprintf("%s (long_term) serves %s that no recurring revenue stream serves", [lib.label("relationships", i), segments_phrase(unpaid)]),
	}
}

segments_phrase(ids) := sprintf("segment %q", [id]) if {
	count(ids) == 1
	some id in ids
} else := sprintf("segments %s", [concat(", ", [sprintf("%q", [id]) | some id in sort(ids)])])
