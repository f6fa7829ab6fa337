package crlint.rules.segments["expectation-without-evidence_test"]

import data.crlint.rules.segments["expectation-without-evidence"] as rule

test_fail_no_evidence_key if {
	rule.report == {{
		"path": ["segments", 1, "evidence"],
		"message": `segment "hnwi" expects dedicated_personal_assistance, long_term but gives no evidence for it`,
	}} with input as {"segments": [
		{"id": "smb"},
		{"id": "hnwi", "expects": ["dedicated_personal_assistance", "long_term"]},
	]}
}

test_fail_empty_evidence if {
	rule.report == {{
		"path": ["segments", 0, "evidence"],
		"message": `segment "smb" expects community but gives no evidence for it`,
	}} with input as {"segments": [{"id": "smb", "expects": ["community"], "evidence": []}]}
}

test_fail_blank_evidence if {
	count(rule.report) == 1 with input as {"segments": [{"id": "smb", "expects": ["community"], "evidence": ["  "]}]}
}

test_pass_with_evidence if {
	rule.report == set() with input as {"segments": [{
		"id": "hnwi",
		"expects": ["dedicated_personal_assistance"],
		"evidence": ["14 client interviews, 2026-09"],
	}]}
}

# expects = [] declares nothing (nor does a list whose every entry was
# invalid, which the loader leaves empty).
test_pass_empty_expects if {
	rule.report == set() with input as {"segments": [{"id": "smb", "expects": []}, {"id": "hnwi"}]}
}

# v2: a segment without a usable id (CR004/CR003) is skipped.
test_pass_segment_without_id if {
	rule.report == set() with input as {"segments": [{"name": "Small firms", "expects": ["self_service"]}]}
}

# An id with bad characters (CR003) still identifies its item.
test_fail_id_with_bad_characters if {
	rule.report == {{
		"path": ["segments", 0, "evidence"],
		"message": `segment "Small Firms" expects self_service but gives no evidence for it`,
	}} with input as {"segments": [{"id": "Small Firms", "expects": ["self_service"]}]}
}

# Blank evidence entries (only white space, of any kind) are no evidence.
test_fail_blank_evidence if {
	rule.report == {{
		"path": ["segments", 0, "evidence"],
		"message": `segment "smb" expects self_service but gives no evidence for it`,
	}} with input as {"segments": [{"id": "smb", "expects": ["self_service"], "evidence": ["  ", "\t\u00a0\u0085"]}]}
}

# Evidence whose entries all failed CR003 is CR003's alone.
test_pass_only_invalid_evidence if {
	rule.report == set() with input as {"segments": [{"id": "smb", "expects": ["self_service"], "evidence": [], "_invalid": {"evidence": true}}]}
}

# Evidence with a valid entry left is judged on it: here a blank one.
test_fail_invalid_and_blank_evidence if {
	count(rule.report) == 1 with input as {"segments": [{"id": "smb", "expects": ["self_service"], "evidence": [" "], "_invalid": {"evidence": true}}]}
}

test_pass_invalid_and_real_evidence if {
	rule.report == set() with input as {"segments": [{"id": "smb", "expects": ["self_service"], "evidence": ["12 interviews"], "_invalid": {"evidence": true}}]}
}
