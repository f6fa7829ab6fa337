package crlint.rules.resourcing["relationship-without-value-proposition_test"]

import data.crlint.rules.resourcing["relationship-without-value-proposition"] as rule

test_fail_no_value_propositions if {
	rule.report == {
		{"path": ["relationships", 0, "value_propositions"], "message": `relationship "desk" links no value proposition`},
		{"path": ["relationships", 2, "value_propositions"], "message": `relationship "app" links no value proposition`},
	} with input as {
		"relationships": [
			{"id": "desk", "type": "personal_assistance"},
			{"id": "banker", "type": "dedicated_personal_assistance", "value_propositions": ["care"]},
			{"id": "app", "type": "self_service", "value_propositions": []},
		],
		"value_propositions": [{"id": "care"}],
	}
}

# An invalid type does not excuse a relationship: it is still an item.
test_fail_invalid_type_still_judged if {
	rule.report == {{
		"path": ["relationships", 0, "value_propositions"],
		"message": `relationship "desk" links no value proposition`,
	}} with input as {"relationships": [{"id": "desk"}], "value_propositions": [{"id": "care"}]}
}

test_pass_with_value_proposition if {
	rule.report == set() with input as {
		"relationships": [{"id": "desk", "type": "personal_assistance", "value_propositions": ["ghost", "care"]}],
		"value_propositions": [{"id": "care"}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {"relationships": [{"id": "desk", "type": "personal_assistance", "value_propositions": ["caer"]}]}
}

# A model without value propositions is not judged (SPEC §3: CR209 needs at
# least one item in value_propositions).
test_pass_model_without_value_propositions if {
	rule.report == set() with input as {"relationships": [{"id": "desk", "type": "personal_assistance"}], "value_propositions": []}
}

test_fail_model_with_one_value_proposition_without_id if {
	rule.report == {{"path": ["relationships", 0, "value_propositions"], "message": `relationship "desk" links no value proposition`}} with input as {
		"relationships": [{"id": "desk", "type": "personal_assistance"}],
		"value_propositions": [{"name": "Care"}],
	}
}
