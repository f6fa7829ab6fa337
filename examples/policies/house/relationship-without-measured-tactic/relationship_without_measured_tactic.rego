# METADATA
# title: relationship-without-measured-tactic
# description: No Get, Keep or Grow tactic with a metric uses the relationship.
# custom:
#   code: HOUSE002
#   severity: warning
#   hint: 'give a tactic that uses it a metric: metric = "..."'
#   why: >-
#     We fund a relationship for what it does in the Get, Keep or Grow phase,
#     and we only know that it does it when a tactic using it is measured. A
#     relationship that no measured tactic uses cannot show it is worth its
#     cost.
#   fix: >-
#     Add a metric to a [[get]], [[keep]] or [[grow]] tactic that lists the
#     relationship, or add such a tactic.
#   bad: |
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#
#     [[keep]]
#     tactic        = "Monthly usage tips by e-mail"
#     relationships = ["app"]
#   good: |
#     [[relationships]]
#     id = "app"
#     type = "self_service"
#
#     [[keep]]
#     tactic        = "Monthly usage tips by e-mail"
#     relationships = ["app"]
#     metric        = "monthly active users"
package crlint.rules.house["relationship-without-measured-tactic"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	is_string(r.id)
	not measured(r.id)
	finding := {
		"path": ["relationships", i],
		"message": sprintf("%s is used by no tactic with a metric", [lib.label("relationships", i)]),
	}
}

# measured holds when a tactic of any phase lists the relationship and says
# how it is measured.
measured(id) if {
	some phase in lib.phases
	some t in object.get(input, phase, [])
	id in lib.refs(t, "relationships")
	trim_space(object.get(t, "metric", "")) != ""
}
