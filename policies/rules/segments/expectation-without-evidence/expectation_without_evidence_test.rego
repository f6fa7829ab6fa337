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

# A segment without an id is still judged, named as well as it can be.
test_fail_segment_without_id if {
	rule.report == {{
		"path": ["segments", 0, "evidence"],
		"message": `segment "Small firms" expects self_service but gives no evidence for it`,
	}} with input as {"segments": [{"name": "Small firms", "expects": ["self_service"]}]}
}
