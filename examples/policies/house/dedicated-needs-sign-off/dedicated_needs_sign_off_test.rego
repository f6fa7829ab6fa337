package crlint.rules.house["dedicated-needs-sign-off_test"]

import data.crlint.rules.house["dedicated-needs-sign-off"] as rule

test_fail_description_without_sign_off if {
	rule.report == {{
		"path": ["relationships", 0, "description"],
		"message": `relationship "private-banker" (dedicated_personal_assistance) has no director sign-off`,
	}} with input as {"relationships": [{
		"id": "private-banker",
		"type": "dedicated_personal_assistance",
		"description": "A named banker for every client",
	}]}
}

test_fail_no_description_points_at_id if {
	rule.report == {{
		"path": ["relationships", 1],
		"message": `relationship "concierge" (dedicated_personal_assistance) has no director sign-off`,
	}} with input as {"relationships": [
		{"id": "app", "type": "self_service"},
		{"id": "concierge", "type": "dedicated_personal_assistance"},
	]}
}

test_fail_sign_off_without_name if {
	count(rule.report) == 1 with input as {"relationships": [{
		"id": "b",
		"type": "dedicated_personal_assistance",
		"description": "sign-off:",
	}]}
}

test_pass_signed_off if {
	rule.report == set() with input as {"relationships": [{
		"id": "private-banker",
		"type": "dedicated_personal_assistance",
		"description": "A named banker for every client. Sign-off: M. Okafor, 2026-03-01",
	}]}
}

test_pass_other_types_need_no_sign_off if {
	rule.report == set() with input as {"relationships": [
		{"id": "desk", "type": "personal_assistance"},
		{"id": "invalid-type-is-skipped"},
	]}
}
