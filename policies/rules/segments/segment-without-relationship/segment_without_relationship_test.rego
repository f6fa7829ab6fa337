package crlint.rules.segments["segment-without-relationship_test"]

import data.crlint.rules.segments["segment-without-relationship"] as rule

test_fail_unserved_segment if {
	rule.report == {{
		"path": ["segments", 1],
		"message": `segment "enterprise" is served by no relationship`,
	}} with input as {
		"segments": [{"id": "smb"}, {"id": "enterprise"}],
		"relationships": [{"id": "app", "type": "self_service", "segments": ["smb"]}],
	}
}

test_fail_no_relationships_at_all if {
	rule.report == {
		{"path": ["segments", 0], "message": `segment "smb" is served by no relationship`},
		{"path": ["segments", 1], "message": `segment "enterprise" is served by no relationship`},
	} with input as {"segments": [{"id": "smb"}, {"id": "enterprise"}], "relationships": []}
}

test_pass_every_segment_served if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}, {"id": "enterprise"}],
		"relationships": [
			{"id": "app", "type": "self_service", "segments": ["smb"]},
			{"id": "am", "type": "dedicated_personal_assistance", "segments": ["enterprise", "smb"]},
		],
	}
}

# An item with an invalid type (removed by the loader) still serves.
test_pass_served_by_relationship_with_invalid_type if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}],
		"relationships": [{"id": "app", "segments": ["smb"]}],
	}
}

# A dangling reference serves nothing: the segment it meant is unserved.
test_fail_only_dangling_reference if {
	rule.report == {{
		"path": ["segments", 0],
		"message": `segment "smb" is served by no relationship`,
	}} with input as {
		"segments": [{"id": "smb"}],
		"relationships": [{"id": "app", "type": "self_service", "segments": ["smb-typo"]}],
	}
}

# Tactics that target a segment do not serve it: relationships do.
test_fail_served_only_by_tactic if {
	count(rule.report) == 1 with input as {
		"segments": [{"id": "smb"}],
		"relationships": [],
		"get": [{"tactic": "Ads", "segments": ["smb"]}],
	}
}

# A segment without an id (CR004, CR005) cannot be referenced: not judged.
test_pass_segment_without_id if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}, {"name": "Duplicate of smb"}],
		"relationships": [{"id": "app", "type": "self_service", "segments": ["smb"]}],
	}
}
