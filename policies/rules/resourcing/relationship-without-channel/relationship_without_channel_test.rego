package crlint.rules.resourcing["relationship-without-channel_test"]

import data.crlint.rules.resourcing["relationship-without-channel"] as rule

test_fail_no_channels if {
	rule.report == {
		{"path": ["relationships", 0, "channels"], "message": `relationship "desk" links no channel`},
		{"path": ["relationships", 2, "channels"], "message": `relationship "app" links no channel`},
	} with input as {
		"relationships": [
			{"id": "desk", "type": "personal_assistance"},
			{"id": "banker", "type": "dedicated_personal_assistance", "channels": ["branch"]},
			{"id": "app", "type": "self_service", "channels": []},
		],
		"channels": [{"id": "branch", "ownership": "owned"}],
	}
}

# An invalid type does not excuse a relationship; without an id it is named
# by its position.
test_fail_invalid_type_and_no_id if {
	rule.report == {{
		"path": ["relationships", 0, "channels"],
		"message": `relationship relationships[0] links no channel`,
	}} with input as {"relationships": [{"segments": ["smb"]}], "channels": [{"id": "web"}]}
}

# Any channel that exists counts, whatever its ownership.
test_pass_with_channel if {
	rule.report == set() with input as {
		"relationships": [{"id": "desk", "type": "personal_assistance", "channels": ["ghost", "calls"]}],
		"channels": [{"id": "calls"}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {"relationships": [{"id": "desk", "type": "personal_assistance", "channels": ["brnach"]}]}
}

# A model without channels is not judged: it has not filled in that block.
test_pass_model_without_channels if {
	rule.report == set() with input as {"relationships": [{"id": "desk", "type": "personal_assistance"}], "channels": []}
}

# One channel item is enough, even one without an id.
test_fail_model_with_one_channel_without_id if {
	rule.report == {{"path": ["relationships", 0, "channels"], "message": `relationship "desk" links no channel`}} with input as {
		"relationships": [{"id": "desk", "type": "personal_assistance"}],
		"channels": [{"name": "Calls"}],
	}
}
