package crlint.rules.resourcing["community-without-activity_test"]

import data.crlint.rules.resourcing["community-without-activity"] as rule

test_fail_community_without_activities if {
	rule.report == {{
		"path": ["relationships", 1, "activities"],
		"message": `relationship "forum" (community) links no key activity`,
	}} with input as {"relationships": [
		{"id": "app", "type": "self_service"},
		{"id": "forum", "type": "community"},
	]}
}

test_fail_every_community_style_type if {
	rule.report == {
		{"path": ["relationships", 0, "activities"], "message": `relationship "club" (fans) links no key activity`},
		{"path": ["relationships", 1, "activities"], "message": `relationship "ideas" (co_creation) links no key activity`},
	} with input as {"relationships": [
		{"id": "club", "type": "fans", "activities": []},
		{"id": "ideas", "type": "co_creation"},
	]}
}

# Any activity that exists counts, whatever its kind.
test_pass_with_activity if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community", "activities": ["ghost", "moderation"]}],
		"key_activities": [{"id": "moderation"}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {"relationships": [{"id": "forum", "type": "community", "activities": ["moderaton"]}]}
}

test_pass_other_types if {
	rule.report == set() with input as {"relationships": [
		{"id": "desk", "type": "personal_assistance"},
		{"id": "typo"},
	]}
}
