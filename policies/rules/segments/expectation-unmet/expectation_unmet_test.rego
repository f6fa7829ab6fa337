package crlint.rules.segments["expectation-unmet_test"]

import data.crlint.rules.segments["expectation-unmet"] as rule

test_fail_expected_type_missing if {
	rule.report == {{
		"path": ["segments", 0, "expects", 1],
		"message": `segment "smb" expects community but no relationship serving it has that type`,
	}} with input as {
		"segments": [{"id": "smb", "expects": ["self_service", "community"]}],
		"relationships": [{"id": "app", "type": "self_service", "segments": ["smb"]}],
	}
}

# The type must be on a relationship that serves this segment, not any.
test_fail_type_serves_another_segment if {
	rule.report == {{
		"path": ["segments", 1, "expects", 0],
		"message": `segment "enterprise" expects dedicated_personal_assistance but no relationship serving it has that type`,
	}} with input as {
		"segments": [{"id": "smb"}, {"id": "enterprise", "expects": ["dedicated_personal_assistance"]}],
		"relationships": [
			{"id": "am", "type": "dedicated_personal_assistance", "segments": ["smb"]},
			{"id": "app", "type": "self_service", "segments": ["enterprise"]},
		],
	}
}

# An unserved segment expects in vain: every expectation is unmet.
test_fail_unserved_segment if {
	rule.report == {
		{"path": ["segments", 0, "expects", 0], "message": `segment "smb" expects self_service but no relationship serving it has that type`},
		{"path": ["segments", 0, "expects", 1], "message": `segment "smb" expects community but no relationship serving it has that type`},
	} with input as {
		"segments": [{"id": "smb", "expects": ["self_service", "community"]}],
		"relationships": [],
	}
}

test_pass_all_expectations_met if {
	rule.report == set() with input as {
		"segments": [{"id": "smb", "expects": ["self_service", "community"]}],
		"relationships": [
			{"id": "app", "type": "self_service", "segments": ["smb"]},
			{"id": "forum", "type": "community", "segments": ["enterprise", "smb"]},
		],
	}
}

test_pass_no_expectations if {
	rule.report == set() with input as {
		"segments": [{"id": "smb"}, {"id": "enterprise", "expects": []}],
		"relationships": [],
	}
}

# A relationship whose type is invalid (removed by the loader) has no type.
test_fail_invalid_type_meets_nothing if {
	rule.report == {{
		"path": ["segments", 0, "expects", 0],
		"message": `segment "smb" expects community but no relationship serving it has that type`,
	}} with input as {
		"segments": [{"id": "smb", "expects": ["community"]}],
		"relationships": [{"id": "forum", "segments": ["smb"]}],
	}
}

# A dangling reference serves nothing.
test_fail_dangling_reference_serves_nothing if {
	count(rule.report) == 1 with input as {
		"segments": [{"id": "smb", "expects": ["community"]}],
		"relationships": [{"id": "forum", "type": "community", "segments": ["smb-typo"]}],
	}
}

# v2: nothing serves the second of a duplicated id, so its expectations are
# unmet; a duplicate relationship still serves its segments with its type.
test_fail_duplicate_segment if {
	rule.report == {{"path": ["segments", 1, "expects", 0], "message": `segment "smb" expects personal_assistance but no relationship serving it has that type`}} with input as {
		"segments": [{"id": "smb", "expects": ["personal_assistance"]}, {"id": "smb", "expects": ["personal_assistance"], "_duplicate": true}],
		"relationships": [{"id": "desk", "type": "personal_assistance", "segments": ["smb"]}],
	}
}

test_pass_duplicate_relationship_serves_with_its_type if {
	rule.report == set() with input as {
		"segments": [{"id": "smb", "expects": ["self_service"]}],
		"relationships": [{"id": "desk", "type": "personal_assistance", "segments": ["smb"]}, {"id": "desk", "type": "self_service", "segments": ["smb"], "_duplicate": true}],
	}
}

# A segment without a usable id is skipped.
test_pass_segment_without_id if {
	rule.report == set() with input as {"segments": [{"name": "x", "expects": ["fans"]}]}
}
