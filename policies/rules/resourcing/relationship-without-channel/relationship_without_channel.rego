# METADATA
# title: relationship-without-channel
# description: A relationship links no channel.
# custom:
#   code: CR210
#   severity: info
#   hint: 'name the channels it runs through: channels = ["..."] naming [[channels]] items'
#   why: >-
#     A relationship reaches customers through the company's distribution and
#     communication channels: a branch, a call centre, an app, a forum. One
#     that links no channel has not said where customers meet it, and whether
#     the channels fit the relationship cannot be checked.
#   fix: >-
#     List the ids of the channels the relationship runs through in its
#     channels, adding [[channels]] items where needed.
#   bad: |
#     [[segments]]
#     id = "smb"
#
#     [[relationships]]
#     id = "desk"
#     type = "personal_assistance"
#     segments = ["smb"]
#   good: |
#     [[segments]]
#     id = "smb"
#
#     [[channels]]
#     id = "call-centre"
#     ownership = "owned"
#
#     [[relationships]]
#     id = "desk"
#     type = "personal_assistance"
#     segments = ["smb"]
#     channels = ["call-centre"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Channels: How do your chosen customer relationships align with your
#         distribution and communication channels?
package crlint.rules.resourcing["relationship-without-channel"]

import data.crlint.lib

# A relationship with an invalid type is still judged; channels that all
# dangle are CR006's.
# A model that writes no channels at all has not reached that block of the
# canvas yet: the rule needs at least one item (SPEC §3).
report contains finding if {
	count(input.channels) > 0
	some i, r in input.relationships
	lib.unlinked(r, "channels")
	finding := {
		"path": ["relationships", i, "channels"],
		"message": sprintf("%s links no channel", [lib.label("relationships", i)]),
	}
}
