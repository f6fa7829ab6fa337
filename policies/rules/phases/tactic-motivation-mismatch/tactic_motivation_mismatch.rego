# METADATA
# title: tactic-motivation-mismatch
# description: A tactic uses a relationship whose declared motivations leave out the tactic's phase.
# custom:
#   code: CR307
#   severity: info
#   off_by_default: true
#   hint: 'add the phase''s motivation to the relationship (acquisition = get, retention = keep, upselling = grow), or reference a relationship meant for that phase'
#   why: >-
#     A relationship's motivations say what it is for: acquiring, retaining
#     or growing customers. A get, keep or grow tactic that puts a
#     relationship to work for a phase its motivations leave out means one of
#     the two is out of date: either the relationship does more than it
#     declares, or the tactic leans on a relationship built for something
#     else. The rule is off by default: on faithful models of the guidance's
#     own businesses it mostly asked for one more motivation to be ticked.
#     Turn it on (CR307 = "info" in [rules], or --extend-select CR307) to
#     keep motivations and tactics in step.
#   guidance:
#     - source: bmc-building-block-definition.txt
#       quote: >-
#         Customer relationships may be driven by the following motivations:
#         • Customer acquisition • Customer retention • Boosting sales
#         (upselling)
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         It helps businesses attract new customers (Get), retain them (Keep),
#         and encourage them to spend more or refer others (Grow).
#   fix: >-
#     Add the motivation of the tactic's phase to the relationship's
#     motivations (acquisition for get, retention for keep, upselling for
#     grow), or reference a relationship whose motivations include it.
#   bad: |
#     [[relationships]]
#     id          = "forum"
#     type        = "community"
#     motivations = ["acquisition"]
#
#     [[keep]]
#     tactic        = "Monthly community meetups"
#     relationships = ["forum"]
#   good: |
#     [[relationships]]
#     id          = "forum"
#     type        = "community"
#     motivations = ["acquisition", "retention"]
#
#     [[keep]]
#     tactic        = "Monthly community meetups"
#     relationships = ["forum"]
package crlint.rules.phases["tactic-motivation-mismatch"]

import data.crlint.lib

motivation_of := {phase: m | some m, phase in lib.phase_of}

# A relationship whose motivations declare nothing (missing, empty, or no
# valid entry) never triggers the rule; one finding per (tactic,
# relationship) pair, at the tactic's first reference to it.
report contains finding if {
	some phase in lib.phases
	some i, t in input[phase]
	some id, j in lib.first_index(lib.refs(t, "relationships"))
	r := lib.by_id.relationships[id]
	declared := {m | some m in lib.refs(r, "motivations")}
	count(declared) > 0
	not motivation_of[phase] in declared
	finding := {
		"path": [phase, i, "relationships", j],
		"message": sprintf("%s uses relationship %q, whose motivations (%s) leave out %s", [
			lib.label(phase, i), id, concat(", ", sort(declared)), motivation_of[phase],
		]),
		"hint": sprintf(`add "%s" to the motivations of relationship %q, or reference a relationship meant for %s`, [motivation_of[phase], id, phase]),
	}
}
