# METADATA
# title: community-without-activity
# description: A community-style relationship links no key activity.
# custom:
#   code: CR203
#   severity: warning
#   hint: 'link the work that keeps it alive: activities = ["..."] naming [[key_activities]] items'
#   why: >-
#     Communities, fans and co-creation do not run themselves: forums need
#     moderating, events organising and submitted ideas reviewing. Without a
#     key activity behind it, the relationship has nobody tending it, and its
#     cost is missing from the model.
#   fix: >-
#     Add a [[key_activities]] item for the work the community needs (often
#     kind = "platform") and list its id in the relationship's activities.
#   bad: |
#     [[segments]]
#     id = "smb"
#
#     [[relationships]]
#     id = "forum"
#     type = "community"
#     segments = ["smb"]
#   good: |
#     [[segments]]
#     id = "smb"
#
#     [[key_activities]]
#     id = "moderation"
#     name = "Forum moderation and events"
#     kind = "platform"
#
#     [[relationships]]
#     id = "forum"
#     type = "community"
#     segments = ["smb"]
#     activities = ["moderation"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Disadvantages: Requires active management, potential for negative interactions."
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Key Activities: What activities are essential to support these relationships?"
package crlint.rules.resourcing["community-without-activity"]

import data.crlint.lib

# Any activity that exists counts; activities that all dangle are CR006's.
report contains finding if {
	some i, r in input.relationships
	r.type in lib.community_style
	lib.unlinked(r, "activities")
	finding := {
		"path": ["relationships", i, "activities"],
		"message": sprintf("%s (%s) links no key activity", [lib.label("relationships", i), r.type]),
	}
}
