package crlint.rules.resourcing["high-touch-without-costs_test"]

import data.crlint.rules.resourcing["high-touch-without-costs"] as rule

test_fail_dedicated_without_costs if {
	rule.report == {{
		"path": ["relationships", 0, "costs"],
		"message": `relationship "private-banker" (dedicated_personal_assistance) has no cost entry`,
		"severity": "error",
	}} with input as {"relationships": [{"id": "private-banker", "type": "dedicated_personal_assistance", "costs": []}]}
}

test_fail_personal_without_costs_is_warning if {
	rule.report == {{
		"path": ["relationships", 1, "costs"],
		"message": `relationship "helpdesk" (personal_assistance) has no cost entry`,
		"severity": "warning",
	}} with input as {"relationships": [
		{"id": "app", "type": "self_service"},
		{"id": "helpdesk", "type": "personal_assistance"},
	]}
}

test_pass_dedicated_with_costs if {
	rule.report == set() with input as {
		"relationships": [{"id": "private-banker", "type": "dedicated_personal_assistance", "costs": ["salaries"]}],
		"costs": [{"id": "salaries", "kind": "fixed"}],
	}
}

test_pass_only_dangling_costs if {
	rule.report == set() with input as {"relationships": [{"id": "b", "type": "dedicated_personal_assistance", "costs": ["nope"]}]}
}

test_pass_invalid_type_is_skipped if {
	rule.report == set() with input as {"relationships": [{"id": "b"}]}
}

# v2: any linked key partner that resolves satisfies the rule, whatever its
# role: dealers deliver the car maker's personal assistance.
test_pass_linked_partner if {
	rule.report == set() with input as {
		"relationships": [{"id": "dealer-care", "type": "personal_assistance", "partners": ["dealers"]}],
		"key_partners": [{"id": "dealers"}],
	}
}

# Partners that all dangle neither satisfy the rule nor let it fire.
test_pass_only_dangling_partners if {
	rule.report == set() with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "partners": ["ghost"]}]}
}

# A partner that is written but invalid (CR003) is treated the same.
test_pass_invalid_partners if {
	rule.report == set() with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "partners": [], "_invalid": {"partners": true}}]}
}

# partners = [] satisfies nothing.
test_fail_empty_partners if {
	count(rule.report) == 1 with input as {
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "partners": []}],
		"key_partners": [{"id": "dealers"}],
	}
}
