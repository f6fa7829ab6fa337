package crlint.rules.phases["keep-relies-on-switching-costs_test"]

import data.crlint.rules.phases["keep-relies-on-switching-costs"] as rule

test_fail_only_switching_costs if {
	rule.report == {{
		"path": ["keep"],
		"message": `the keep phase relies on switching costs alone: every relationship its tactics reference ("contract", "lock-in") is switching_costs`,
	}} with input as {
		"relationships": [
			{"id": "contract", "type": "switching_costs"},
			{"id": "lock-in", "type": "switching_costs"},
			{"id": "care", "type": "personal_assistance"},
		],
		"get": [{"tactic": "Free phone", "relationships": ["care"]}],
		"keep": [
			{"tactic": "Contract", "relationships": ["contract"]},
			{"tactic": "Data export fee", "relationships": ["lock-in"]},
			{"tactic": "Loyalty newsletter"},
		],
	}
}

test_pass_another_type_too if {
	rule.report == set() with input as {
		"relationships": [{"id": "contract", "type": "switching_costs"}, {"id": "care", "type": "personal_assistance"}],
		"keep": [{"tactic": "Contract", "relationships": ["contract"]}, {"tactic": "Reviews", "relationships": ["care"]}],
	}
}

# Dangling references are ignored: the relationships that exist decide.
test_fail_dangling_reference_ignored if {
	rule.report == {{
		"path": ["keep"],
		"message": `the keep phase relies on switching costs alone: every relationship its tactics reference ("contract") is switching_costs`,
	}} with input as {
		"relationships": [{"id": "contract", "type": "switching_costs"}],
		"keep": [{"tactic": "Contract", "relationships": ["contract", "care-typo"]}],
	}
}

# A relationship with an invalid type is invisible.
test_fail_invalid_type_invisible if {
	rule.report == {{
		"path": ["keep"],
		"message": `the keep phase relies on switching costs alone: every relationship its tactics reference ("contract") is switching_costs`,
	}} with input as {
		"relationships": [{"id": "contract", "type": "switching_costs"}, {"id": "care"}],
		"keep": [{"tactic": "Contract", "relationships": ["contract", "care"]}],
	}
}

# At least one referenced relationship with a valid type is needed.
test_pass_no_typed_relationship if {
	rule.report == set() with input as {
		"relationships": [{"id": "care"}],
		"keep": [{"tactic": "Contract", "relationships": ["care", "ghost"]}],
	}
}

test_pass_no_keep_tactic if {
	rule.report == set() with input as {"relationships": [{"id": "contract", "type": "switching_costs"}]}
}

# Only keep tactics count: switching costs used in get or grow are fine.
test_pass_switching_costs_outside_keep if {
	rule.report == set() with input as {
		"relationships": [{"id": "contract", "type": "switching_costs"}],
		"get": [{"tactic": "Free phone", "relationships": ["contract"]}],
		"keep": [{"tactic": "Newsletter"}],
	}
}
