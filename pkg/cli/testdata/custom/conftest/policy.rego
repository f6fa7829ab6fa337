package main

import rego.v1

# A string result: an error named after the rule, at 1:1.
deny contains msg if {
	not input.stage
	msg := "the model has no stage"
}

# An object result with a path: a warning positioned at the value.
warn_cost_level contains {"msg": sprintf("relationship %q says cost_level = %q", [r.id, r.cost_level]), "path": ["relationships", i, "cost_level"]} if {
	some i, r in input.relationships
	r.cost_level == "low"
}

# A code at the start of the message becomes the finding's code.
violation_name contains msg if {
	count(input.name) < 5
	msg := sprintf("CUSTOM-1: name %q is too short", [input.name])
}

# Not a result (conftest ignores booleans and functions too).
deny_flag if false

deny_helper(x) := x
