package crlint.rules.segments["relationship-without-segment_test"]

import data.crlint.rules.segments["relationship-without-segment"] as rule

test_fail_no_segments_key if {
	rule.report == {{
		"path": ["relationships", 1, "segments"],
		"message": `relationship "forum" serves no customer segment`,
	}} with input as {"relationships": [
		{"id": "desk", "type": "personal_assistance", "segments": ["smb"]},
		{"id": "forum", "type": "community"},
	]}
}

test_fail_empty_segments if {
	rule.report == {{
		"path": ["relationships", 0, "segments"],
		"message": `relationship "desk" serves no customer segment`,
	}} with input as {"relationships": [{"id": "desk", "type": "personal_assistance", "segments": []}]}
}

test_pass_with_segment if {
	rule.report == set() with input as {"relationships": [{"id": "desk", "type": "personal_assistance", "segments": ["smb"]}]}
}

# A segment list whose ids all dangle is CR006's finding alone.
test_pass_only_dangling_segments if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}],
		"relationships": [{"id": "desk", "type": "personal_assistance", "segments": ["smb-typo"]}],
	}
}

# An invalid type (removed by the loader) still counts as a relationship.
test_fail_without_type if {
	rule.report == {{
		"path": ["relationships", 0, "segments"],
		"message": `relationship "desk" serves no customer segment`,
	}} with input as {"relationships": [{"id": "desk"}]}
}
