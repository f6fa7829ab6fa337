package crlint.rules.phases["tactic-without-relationship_test"]

import data.crlint.rules.phases["tactic-without-relationship"] as rule

test_fail_tactic_without_relationships_in_every_phase if {
	rule.report == {
		{"path": ["get", 0, "relationships"], "message": `get tactic "Ads" references no relationship`},
		{"path": ["keep", 1, "relationships"], "message": `keep tactic "Meetups" references no relationship`},
		{"path": ["grow", 0, "relationships"], "message": `grow tactic "Upsell" references no relationship`},
	} with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"get": [{"tactic": "Ads"}],
		"keep": [{"tactic": "Newsletter", "relationships": ["forum"]}, {"tactic": "Meetups", "relationships": []}],
		"grow": [{"tactic": "Upsell"}],
	}
}

test_pass_every_tactic_references_a_relationship if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"get": [{"tactic": "Ads", "relationships": ["forum"]}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}

# References that all dangle are reported by CR006 alone.
test_pass_only_dangling if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"keep": [{"tactic": "Meetups", "relationships": ["froum"]}],
	}
}

# A tactic whose relationship has an invalid type still references it.
test_pass_relationship_with_invalid_type if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum"}],
		"get": [{"tactic": "Ads", "relationships": ["forum"]}],
	}
}

# A tactic without its text (CR004) is labelled by its index.
test_fail_tactic_without_text if {
	rule.report == {{
		"path": ["grow", 0, "relationships"],
		"message": "grow tactic grow[0] references no relationship",
	}} with input as {"grow": [{"metric": "10%"}]}
}
