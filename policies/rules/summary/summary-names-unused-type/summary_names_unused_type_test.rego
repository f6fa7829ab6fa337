package crlint.rules.summary["summary-names-unused-type_test"]

import data.crlint.rules.summary["summary-names-unused-type"] as rule

test_fail_one_unused_type if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary names community, but no relationship has that type",
	}} with input as {
		"summary": {"relationships": "Self-service and a user community"},
		"relationships": [{"id": "app", "type": "self_service"}],
	}
}

test_fail_one_finding_names_every_unused_type if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary names automated_services, community and fans, but no relationship has those types",
	}} with input as {
		"summary": {"relationships": "Self-service, automation, a fan club and communities"},
		"relationships": [{"id": "app", "type": "self_service"}],
	}
}

test_pass_every_named_type_is_used if {
	rule.report == set() with input as {
		"summary": {"relationships": "Dedicated personal assistance, one banker per client"},
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance"}],
	}
}

# "personal assistance" after "dedicated" names only the dedicated type.
test_fail_dedicated_is_not_personal if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary names dedicated_personal_assistance, but no relationship has that type",
	}} with input as {
		"summary": {"relationships": "Dedicated personal assistance"},
		"relationships": [{"id": "desk", "type": "personal_assistance"}],
	}
}

# A relationship with an invalid type (removed by the loader) has no type.
test_fail_invalid_type_is_invisible if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary names community, but no relationship has that type",
	}} with input as {
		"summary": {"relationships": "Community"},
		"relationships": [{"id": "forum"}],
	}
}

test_pass_summary_names_no_type if {
	rule.report == set() with input as {"summary": {"relationships": "A banker for every client"}, "relationships": []}
}

test_pass_no_summary if {
	rule.report == set() with input as {"relationships": []}
}
