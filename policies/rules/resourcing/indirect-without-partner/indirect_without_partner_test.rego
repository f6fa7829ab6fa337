package crlint.rules.resourcing["indirect-without-partner_test"]

import data.crlint.rules.resourcing["indirect-without-partner"] as rule

test_fail_no_partners if {
	rule.report == {{
		"path": ["relationships", 0, "partners"],
		"message": `relationship "dealers" (indirect) links no key partner`,
	}} with input as {"relationships": [{"id": "dealers", "type": "indirect"}]}
}

test_fail_empty_partners if {
	rule.report == {{
		"path": ["relationships", 1, "partners"],
		"message": `relationship "resale" (indirect) links no key partner`,
	}} with input as {"relationships": [
		{"id": "dealers", "type": "indirect", "partners": ["network"]},
		{"id": "resale", "type": "indirect", "partners": []},
	], "key_partners": [{"id": "network"}]}
}

test_pass_with_partner if {
	rule.report == set() with input as {
		"relationships": [{"id": "dealers", "type": "indirect", "partners": ["ghost", "network"]}],
		"key_partners": [{"id": "network", "role": "distributor"}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {"relationships": [{"id": "dealers", "type": "indirect", "partners": ["netwrok"]}]}
}

test_pass_other_types if {
	rule.report == set() with input as {"relationships": [{"id": "sales", "type": "direct"}, {"id": "typo"}]}
}
