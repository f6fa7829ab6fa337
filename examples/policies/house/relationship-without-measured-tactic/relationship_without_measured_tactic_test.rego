package crlint.rules.house["relationship-without-measured-tactic_test"]

import data.crlint.rules.house["relationship-without-measured-tactic"] as rule

test_fail_tactic_without_metric if {
	rule.report == {{
		"path": ["relationships", 0],
		"message": `relationship "app" is used by no tactic with a metric`,
	}} with input as {
		"relationships": [{"id": "app", "type": "self_service"}],
		"keep": [{"tactic": "Monthly usage tips by e-mail", "relationships": ["app"]}],
	}
}

test_fail_measured_tactic_uses_another_relationship if {
	rule.report == {{
		"path": ["relationships", 1],
		"message": `relationship "desk" is used by no tactic with a metric`,
	}} with input as {
		"relationships": [{"id": "app"}, {"id": "desk"}],
		"get": [{"tactic": "Ads", "relationships": ["app"], "metric": "cost per sign-up"}],
		"grow": [{"tactic": "Upsell", "relationships": ["desk"], "metric": "  "}],
	}
}

test_pass_measured_in_any_phase if {
	rule.report == set() with input as {
		"relationships": [{"id": "app"}, {"id": "desk"}],
		"get": [{"tactic": "Ads", "relationships": ["app"], "metric": "cost per sign-up"}],
		"grow": [{"tactic": "Upsell", "relationships": ["app", "desk"], "metric": "upgrades a month"}],
	}
}

test_pass_relationship_without_id_is_skipped if {
	rule.report == set() with input as {"relationships": [{"type": "self_service"}]}
}
