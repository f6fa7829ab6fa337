package crlint.rules.phases["deep-relationship-without-keep_test"]

import data.crlint.rules.phases["deep-relationship-without-keep"] as rule

test_fail_dedicated_and_long_term if {
	rule.report == {
		{"path": ["relationships", 0], "message": `relationship "banker" (dedicated_personal_assistance) is not motivated by retention and no keep tactic uses it`},
		{"path": ["relationships", 2], "message": `relationship "plan" (long_term) is not motivated by retention and no keep tactic uses it`},
	} with input as {
		"relationships": [
			{"id": "banker", "type": "dedicated_personal_assistance", "motivations": ["upselling"]},
			{"id": "app", "type": "self_service", "motivations": ["acquisition"]},
			{"id": "plan", "type": "long_term"},
		],
		"get": [{"tactic": "Ads", "relationships": ["plan"]}],
		"grow": [{"tactic": "Upsell", "relationships": ["banker"]}],
	}
}

test_pass_retention_motivation if {
	rule.report == set() with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "motivations": ["upselling", "retention"]}]}
}

test_pass_keep_tactic if {
	rule.report == set() with input as {
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "motivations": ["upselling"]}],
		"keep": [{"tactic": "Quarterly review", "relationships": ["banker"]}],
	}
}

# A relationship CR303 reports (no motivation, no tactic) is CR303's alone.
test_pass_reported_by_cr303 if {
	rule.report == set() with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance"}]}
}

# Skipped: invalid type, no usable id, motivations with no valid entry.
test_pass_skipped_items if {
	rule.report == set() with input as {"relationships": [
		{"id": "a", "motivations": ["upselling"]},
		{"type": "long_term", "motivations": ["upselling"]},
		{"id": 7, "type": "long_term", "motivations": ["upselling"]},
		{"id": "b", "type": "long_term", "motivations": [], "_invalid": {"motivations": true}},
	]}
}

# Valid motivations left after invalid ones are judged.
test_fail_judged_on_valid_motivations if {
	count(rule.report) == 1 with input as {"relationships": [{"id": "b", "type": "long_term", "motivations": ["upselling"], "_invalid": {"motivations": true}}]}
}

# A keep tactic reaches the first of a duplicated id, never the second; a
# dangling reference keeps nothing.
test_fail_duplicate_never_kept if {
	rule.report == {{"path": ["relationships", 1], "message": `relationship "banker" (long_term) is not motivated by retention and no keep tactic uses it`}} with input as {
		"relationships": [
			{"id": "banker", "type": "dedicated_personal_assistance", "motivations": ["upselling"]},
			{"id": "banker", "type": "long_term", "motivations": ["upselling"], "_duplicate": true},
		],
		"keep": [{"tactic": "Review", "relationships": ["banker", "bnker"]}],
	}
}
