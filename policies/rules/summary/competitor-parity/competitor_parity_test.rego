package crlint.rules.summary["competitor-parity_test"]

import data.crlint.rules.summary["competitor-parity"] as rule

test_fail_same_types if {
	rule.report == {{
		"path": ["competitors", 1, "relationships"],
		"message": `competitor "Rival" has exactly the model's relationship types (community, self_service)`,
	}} with input as {
		"relationships": [
			{"id": "app", "type": "self_service"},
			{"id": "forum", "type": "community"},
			{"id": "faq", "type": "self_service"},
		],
		"competitors": [
			{"name": "Retail banks", "relationships": ["personal_assistance", "self_service"]},
			{"name": "Rival", "relationships": ["self_service", "community", "self_service"]},
			{"name": "Subset", "relationships": ["community"]},
		],
	}
}

test_pass_different_types if {
	rule.report == set() with input as {
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance"}],
		"competitors": [{"name": "Retail banks", "relationships": ["personal_assistance", "self_service"]}],
	}
}

# At least one relationship type is needed: an empty model matches nobody.
test_pass_no_type_in_model if {
	rule.report == set() with input as {
		"relationships": [{"id": "x"}],
		"competitors": [{"name": "Nobody", "relationships": []}, {"name": "Silent"}],
	}
}

# A relationship with an invalid type is invisible.
test_fail_invalid_type_invisible if {
	rule.report == {{
		"path": ["competitors", 0, "relationships"],
		"message": `competitor "Rival" has exactly the model's relationship types (community)`,
	}} with input as {
		"relationships": [{"id": "forum", "type": "community"}, {"id": "odd"}],
		"competitors": [{"name": "Rival", "relationships": ["community"]}],
	}
}

# A competitor without a name is labelled by its index.
test_fail_unnamed_competitor if {
	rule.report == {{
		"path": ["competitors", 0, "relationships"],
		"message": "competitor competitors[0] has exactly the model's relationship types (community)",
	}} with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"competitors": [{"relationships": ["community"]}],
	}
}

# v2: a competitor's invalid entries are left out and the rest judged.
test_fail_judged_on_valid_entries if {
	rule.report == {{
		"path": ["competitors", 0, "relationships"],
		"message": `competitor "Rival" has exactly the model's relationship types (community)`,
	}} with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"competitors": [{"name": "Rival", "relationships": ["community"], "_invalid": {"relationships": true}}],
	}
}

