# METADATA
# title: relationship-channel-mismatch
# description: A relationship serves a segment that none of its linked channels reaches.
# custom:
#   code: CR211
#   severity: warning
#   hint: 'link a channel that reaches the segment (channels = ["..."]), or add the segment to a linked channel''s segments'
#   why: >-
#     A relationship meets its customers through channels: the branch where
#     the banker sits, the app where self-service happens. When a
#     relationship serves a segment that none of its channels reaches, the
#     canvas promises that segment a relationship it has no way to deliver,
#     or the channel's segments are out of date. Either way the
#     relationships and the channels do not align.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Channels: How do your chosen customer relationships align with your
#         distribution and communication channels?
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         All the building blocks are connected; you can't make a change to one
#         without it affecting the others.
#   fix: >-
#     Link a channel that reaches the segment, or add the segment to the
#     segments of a channel the relationship already uses. A channel with no
#     segments serves every segment.
#   bad: |
#     [[segments]]
#     id = "smb"
#
#     [[segments]]
#     id = "enterprise"
#
#     [[channels]]
#     id       = "web"
#     segments = ["smb"]
#
#     [[relationships]]
#     id       = "app"
#     type     = "self_service"
#     segments = ["smb", "enterprise"]
#     channels = ["web"]
#   good: |
#     [[segments]]
#     id = "smb"
#
#     [[segments]]
#     id = "enterprise"
#
#     [[channels]]
#     id       = "web"
#     segments = ["smb", "enterprise"]
#
#     [[relationships]]
#     id       = "app"
#     type     = "self_service"
#     segments = ["smb", "enterprise"]
#     channels = ["web"]
package crlint.rules.resourcing["relationship-channel-mismatch"]

import data.crlint.lib

# Only a relationship that links at least one channel that exists is judged
# (no channel at all is CR210's); one finding per segment left unreached, at
# its reference in the relationship's segments.
report contains finding if {
	some i, r in input.relationships
	missed := lib.unreached(r, "channels")
	count(missed) > 0
	linked := lib.id_list(lib.linked_ids(r, "channels")) # once per relationship
	some [j, s] in missed
	finding := {
		"path": ["relationships", i, "segments", j],
		"message": sprintf("%s serves segment %q but none of its channels (%s) reaches it", [
			lib.label("relationships", i), s, linked,
		]),
	}
}
