# METADATA
# title: deep-relationship-without-keep
# description: A dedicated personal assistance or long-term relationship is neither motivated by retention nor used by a keep tactic.
# custom:
#   code: CR308
#   severity: info
#   off_by_default: true
#   hint: 'say that it retains customers: motivations = ["retention"], or use it in a [[keep]] tactic'
#   why: >-
#     Dedicated personal assistance and long-term relationships are built
#     over years: their value is in keeping customers. One that neither
#     declares retention nor carries a keep tactic is paid for like a deep
#     relationship but planned like a sales channel. The rule is off by
#     default: the guidance's own example of a VIP package with a dedicated
#     mentor is sold and grown rather than listed under Keep, and a coach
#     would not fault it. Turn it on (CR308 = "info" in [rules], or
#     --extend-select CR308) where deep relationships are meant to retain.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         It represents the deepest and most intimate type of relationship and
#         normally develops over a long period of time.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Long-term relationships involve ongoing interactions aimed at
#         sustained customer engagement.
#   fix: >-
#     Add retention to the relationship's motivations, or reference it from a
#     [[keep]] tactic that says how it retains customers.
#   bad: |
#     [[relationships]]
#     id          = "private-banker"
#     type        = "dedicated_personal_assistance"
#     motivations = ["upselling"]
#   good: |
#     [[relationships]]
#     id          = "private-banker"
#     type        = "dedicated_personal_assistance"
#     motivations = ["upselling"]
#
#     [[keep]]
#     tactic        = "Quarterly portfolio review with the named banker"
#     relationships = ["private-banker"]
package crlint.rules.phases["deep-relationship-without-keep"]

import data.crlint.lib

deep := {"dedicated_personal_assistance", "long_term"}

# Skipped: an invalid type (no type), an item without a usable id, a
# relationship CR303 reports (no motivation and no tactic at all), and
# motivations whose entries all failed CR003.
report contains finding if {
	some i, r in input.relationships
	r.type in deep
	is_string(r.id)
	not "retention" in lib.refs(r, "motivations")
	not kept(r)
	not lib.unmotivated(r)
	not lib.only_invalid(r, "motivations")
	finding := {
		"path": ["relationships", i],
		"message": sprintf("%s (%s) is not motivated by retention and no keep tactic uses it", [lib.label("relationships", i), r.type]),
	}
}

# A keep tactic reaches the first item of a duplicated id, never the second.
kept(r) if {
	lib.referable(r)
	r.id in lib.keep_refs
}
