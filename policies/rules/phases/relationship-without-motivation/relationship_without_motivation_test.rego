package crlint.rules.phases["relationship-without-motivation_test"]

import data.crlint.rules.phases["relationship-without-motivation"] as rule

test_fail_no_motivation_no_tactic if {
	rule.report == {
		{"path": ["relationships", 0], "message": `relationship "forum" has no motivation and no tactic references it`},
		{"path": ["relationships", 1], "message": `relationship "app" has no motivation and no tactic references it`},
	} with input as {"relationships": [
		{"id": "forum", "type": "community"},
		{"id": "app", "type": "self_service", "motivations": []},
	]}
}

test_pass_with_motivation if {
	rule.report == set() with input as {"relationships": [{"id": "forum", "type": "community", "motivations": ["retention"]}]}
}

test_pass_referenced_by_a_tactic_in_any_phase if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community"}, {"id": "app", "type": "self_service"}],
		"get": [{"tactic": "Ads", "relationships": ["app"]}],
		"grow": [{"tactic": "Badges", "relationships": ["ghost", "forum"]}],
	}
}

# An invalid type (removed by the loader) still counts as a relationship.
test_fail_invalid_type_still_counts if {
	rule.report == {{
		"path": ["relationships", 0],
		"message": `relationship "forum" has no motivation and no tactic references it`,
	}} with input as {"relationships": [{"id": "forum"}]}
}

# A tactic reference that matches nothing does not motivate another item.
test_fail_only_a_dangling_reference if {
	rule.report == {{
		"path": ["relationships", 0],
		"message": `relationship "forum" has no motivation and no tactic references it`,
	}} with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"keep": [{"tactic": "Meetups", "relationships": ["froum"]}],
	}
}

# A relationship without id cannot be referenced; it is labelled by name.
test_fail_without_id if {
	rule.report == {{
		"path": ["relationships", 0],
		"message": `relationship "Forum" has no motivation and no tactic references it`,
	}} with input as {
		"relationships": [{"name": "Forum", "type": "community"}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}
