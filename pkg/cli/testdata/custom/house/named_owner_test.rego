package crlint.rules.house["relationship-without-owner_test"]

import data.crlint.rules.house["relationship-without-owner"] as rule

test_fail_without_owner if {
	rule.report == {{
		"path": ["relationships", 0],
		"message": `relationship "desk" does not name its owner`,
	}} with input as {"relationships": [{"id": "desk"}]}
}

test_pass_with_owner if {
	rule.report == set() with input as {"relationships": [{"id": "desk", "description": "owner: Ana"}]}
}
