package crlint.rules.resourcing["relationship-value-proposition-mismatch_test"]

import data.crlint.rules.resourcing["relationship-value-proposition-mismatch"] as rule

segs := [{"id": "smb"}, {"id": "ent"}, {"id": "gov"}]

test_fail_one_segment_unreached if {
	rule.report == {{
		"path": ["relationships", 0, "segments", 1],
		"message": `relationship "app" serves segment "ent" but none of its value propositions ("web") is for it`,
	}} with input as {
		"segments": segs,
		"value_propositions": [{"id": "web", "segments": ["smb"]}],
		"relationships": [{"id": "app", "type": "self_service", "segments": ["smb", "ent"], "value_propositions": ["web"]}],
	}
}

# One finding per segment left out, at its first reference; the items
# linked are listed sorted, each once, dangling ones left out.
test_fail_one_finding_per_segment if {
	rule.report == {
		{
			"path": ["relationships", 1, "segments", 0],
			"message": `relationship "desk" serves segment "gov" but none of its value propositions ("b", "web") is for it`,
		},
		{
			"path": ["relationships", 1, "segments", 2],
			"message": `relationship "desk" serves segment "ent" but none of its value propositions ("b", "web") is for it`,
		},
	} with input as {
		"segments": segs,
		"value_propositions": [{"id": "web", "segments": ["smb"]}, {"id": "b", "segments": ["smb", "ghost"]}],
		"relationships": [
			{"id": "app", "type": "self_service", "segments": ["smb"], "value_propositions": ["web"]},
			{"id": "desk", "type": "personal_assistance", "segments": ["gov", "smb", "ent", "gov", "ghost"], "value_propositions": ["web", "ghost", "b", "web"]},
		],
	}
}

test_pass_every_segment_reached if {
	rule.report == set() with input as {
		"segments": segs,
		"value_propositions": [{"id": "web", "segments": ["smb"]}, {"id": "b", "segments": ["ent"]}],
		"relationships": [{"id": "app", "type": "self_service", "segments": ["smb", "ent"], "value_propositions": ["web", "b"]}],
	}
}

# An item whose segments are missing, empty, wrong-typed (left out by the
# loader) or name nothing that exists serves every segment.
test_pass_item_serving_every_segment if {
	every item in [
		{"id": "all"},
		{"id": "all", "segments": []},
		{"id": "all", "_invalid": {"segments": true}},
		{"id": "all", "segments": ["ghost"]},
	] {
		rule.report == set() with input as {
			"segments": segs,
			"value_propositions": [{"id": "web", "segments": ["smb"]}, item],
			"relationships": [{"id": "app", "type": "self_service", "segments": ["smb", "ent"], "value_propositions": ["web", "all"]}],
		}
	}
}

# Only a relationship linking at least one existing item is judged: none
# at all, or only dangling or invalid references, are other rules' findings.
test_pass_nothing_linked_that_exists if {
	every r in [
		{"id": "app", "segments": ["ent"]},
		{"id": "app", "segments": ["ent"], "value_propositions": []},
		{"id": "app", "segments": ["ent"], "value_propositions": ["ghost"]},
		{"id": "app", "segments": ["ent"], "value_propositions": [], "_invalid": {"value_propositions": true}},
	] {
		rule.report == set() with input as {
			"segments": segs,
			"value_propositions": [{"id": "web", "segments": ["smb"]}],
			"relationships": [r],
		}
	}
}

# A segment reference that names nothing is CR006's.
test_pass_dangling_segment if {
	rule.report == set() with input as {
		"segments": segs,
		"value_propositions": [{"id": "web", "segments": ["smb"]}],
		"relationships": [{"id": "app", "segments": ["smb", "smbs"], "value_propositions": ["web"]}],
	}
}

# The rule does not look at types: a relationship whose type is invalid is
# still judged. Without an id it is named by its position.
test_fail_invalid_type_and_no_id if {
	rule.report == {{
		"path": ["relationships", 0, "segments", 0],
		"message": `relationship relationships[0] serves segment "ent" but none of its value propositions ("web") is for it`,
	}} with input as {
		"segments": segs,
		"value_propositions": [{"id": "web", "segments": ["smb"]}],
		"relationships": [{"segments": ["ent"], "value_propositions": ["web"]}],
	}
}

# With duplicate ids a reference resolves to the first item.
test_fail_duplicate_item_resolves_to_first if {
	count(rule.report) == 1 with input as {
		"segments": segs,
		"value_propositions": [{"id": "web", "segments": ["smb"]}, {"id": "web", "_duplicate": true}],
		"relationships": [{"id": "app", "segments": ["ent"], "value_propositions": ["web"]}],
	}
}
