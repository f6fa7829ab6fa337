# METADATA
# title: direct-without-owned-channel
# description: A direct relationship links channels, none of them owned.
# custom:
#   code: CR206
#   severity: warning
#   hint: 'run it through a channel of your own: channels = ["..."] naming a [[channels]] item with ownership = "owned"'
#   why: >-
#     A direct relationship means dealing with customers without
#     intermediaries, keeping full control of their experience. If every
#     channel it runs through belongs to a partner, an intermediary stands
#     between the company and the customer after all.
#   fix: >-
#     Link a channel the company owns (its website, showrooms or sales team,
#     with ownership = "owned"), or call the relationship indirect and name
#     the partners that carry it.
#   bad: |
#     [[segments]]
#     id = "drivers"
#
#     [[channels]]
#     id = "marketplace"
#     ownership = "partner"
#
#     [[relationships]]
#     id = "sales"
#     type = "direct"
#     segments = ["drivers"]
#     channels = ["marketplace"]
#   good: |
#     [[segments]]
#     id = "drivers"
#
#     [[channels]]
#     id = "showrooms"
#     ownership = "owned"
#
#     [[relationships]]
#     id = "sales"
#     type = "direct"
#     segments = ["drivers"]
#     channels = ["showrooms"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Direct relationships involve direct interaction between the company
#         and the customer without intermediaries. This model allows the
#         company to maintain full control over the customer experience and
#         foster stronger connections.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Channels: How do your chosen customer relationships align with your
#         distribution and communication channels?
package crlint.rules.resourcing["direct-without-owned-channel"]

import data.crlint.lib

# Only channels that exist are judged: no channels at all is CR210's, and
# channels that all dangle are CR006's. A channel with no ownership (or an
# invalid one) is not owned.
report contains finding if {
	some i, r in input.relationships
	r.type == "direct"
	channels := {c |
		some c in lib.resolved(r, "channels", "channels")
		not lib.invalid(c, "ownership") # invisible to the rule (v2)
	}
	count(channels) > 0
	not any_owned(channels)
	finding := {
		"path": ["relationships", i, "channels"],
		"message": sprintf("%s (direct) links no owned channel", [lib.label("relationships", i)]),
	}
}

any_owned(channels) if {
	some c in channels
	c.ownership == "owned"
}
