package crlint.rules.resourcing["cost-level-understated_test"]

import data.crlint.rules.resourcing["cost-level-understated"] as rule

test_fail_dedicated_low_is_error if {
	rule.report == {{
		"path": ["relationships", 0, "cost_level"],
		"message": `relationship "banker" (dedicated_personal_assistance) says cost_level = "low", but human assistance is costly`,
		"severity": "error",
	}} with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "cost_level": "low"}]}
}

test_fail_personal_low_is_warning if {
	rule.report == {{
		"path": ["relationships", 1, "cost_level"],
		"message": `relationship "desk" (personal_assistance) says cost_level = "low", but human assistance is costly`,
		"severity": "warning",
	}} with input as {"relationships": [
		{"id": "app", "type": "self_service", "cost_level": "low"},
		{"id": "desk", "type": "personal_assistance", "cost_level": "low"},
	]}
}

test_pass_high_touch_not_low if {
	rule.report == set() with input as {"relationships": [
		{"id": "banker", "type": "dedicated_personal_assistance", "cost_level": "high"},
		{"id": "desk", "type": "personal_assistance", "cost_level": "medium"},
		{"id": "concierge", "type": "dedicated_personal_assistance"},
	]}
}

test_pass_invalid_type_is_skipped if {
	rule.report == set() with input as {"relationships": [{"id": "banker", "cost_level": "low"}]}
}
