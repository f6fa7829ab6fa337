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

# v2: a relationship without a usable id (CR004/CR003) is skipped: nothing
# could reference it, and the loader's finding is the one to fix.
test_pass_without_id if {
	rule.report == set() with input as {
		"relationships": [{"name": "Forum", "type": "community"}, {"id": 5, "type": "fans"}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}

# The second of a duplicated id is never referenced (CR005): references
# reach the first.
test_fail_duplicate_never_referenced if {
	rule.report == {{
		"path": ["relationships", 1],
		"message": `relationship "forum" has no motivation and no tactic references it`,
	}} with input as {
		"relationships": [{"id": "forum", "type": "community"}, {"id": "forum", "type": "fans", "_duplicate": true}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}

# Motivations whose entries all failed CR003 are CR003's alone; one valid
# entry left is a motivation.
test_pass_invalid_motivations if {
	rule.report == set() with input as {"relationships": [
		{"id": "a", "type": "fans", "motivations": [], "_invalid": {"motivations": true}},
		{"id": "b", "type": "fans", "motivations": ["retention"], "_invalid": {"motivations": true}},
	]}
}
