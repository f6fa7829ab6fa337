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

# v2: the second of a duplicated id (CR005) is an item of its own that
# references never reach, so no relationship serves it.
test_fail_duplicate_is_never_served if {
	rule.report == {{"path": ["segments", 1], "message": `segment "smb" is served by no relationship`}} with input as {
		"segments": [{"id": "smb"}, {"id": "smb", "_duplicate": true}],
		"relationships": [{"id": "desk", "segments": ["smb"]}],
	}
}

# A duplicate relationship still serves its segments.
test_pass_duplicate_relationship_serves if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}, {"id": "ent"}],
		"relationships": [{"id": "desk", "segments": ["smb"]}, {"id": "desk", "segments": ["ent"], "_duplicate": true}],
	}
}

# Segments without a usable id are skipped; an id with bad characters counts.
test_pass_without_usable_id if {
	rule.report == set() with input as {"segments": [{"name": "x"}, {"id": 3}]}
}

test_fail_bad_characters_still_an_id if {
	rule.report == {{"path": ["segments", 0], "message": `segment "Small Firms" is served by no relationship`}} with input as {"segments": [{"id": "Small Firms"}]}
}

# Segment references that are invalid (CR003) serve nothing; a valid one
# left serves.
test_pass_judged_on_valid_entries if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}],
		"relationships": [{"id": "desk", "segments": ["smb"], "_invalid": {"segments": true}}],
	}
}
