package crlint.rules.resourcing["high-touch-without-resources_test"]

import data.crlint.rules.resourcing["high-touch-without-resources"] as rule

test_fail_dedicated_without_resources_is_error if {
	rule.report == {{
		"path": ["relationships", 0, "resources"],
		"message": `relationship "banker" (dedicated_personal_assistance) links no key resource of kind human`,
		"severity": "error",
	}} with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance"}]}
}

test_fail_personal_with_only_technology_is_warning if {
	rule.report == {{
		"path": ["relationships", 0, "resources"],
		"message": `relationship "desk" (personal_assistance) links no key resource of kind human`,
		"severity": "warning",
	}} with input as {
		"relationships": [{"id": "desk", "type": "personal_assistance", "resources": ["crm", "ghost"]}],
		"key_resources": [{"id": "crm", "kind": "intellectual"}, {"id": "staff"}],
	}
}

test_pass_with_human_resource if {
	rule.report == set() with input as {
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "resources": ["crm", "bankers"]}],
		"key_resources": [{"id": "crm", "kind": "intellectual"}, {"id": "bankers", "kind": "human"}],
	}
}

test_pass_low_touch_type if {
	rule.report == set() with input as {"relationships": [{"id": "app", "type": "self_service"}]}
}

test_pass_only_dangling if {
	rule.report == set() with input as {"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "resources": ["ghost"]}]}
}

# A resource with no kind is not human.
test_fail_resource_without_kind if {
	count(rule.report) == 1 with input as {
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "resources": ["bankers"]}],
		"key_resources": [{"id": "bankers"}],
	}
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
