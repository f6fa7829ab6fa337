package crlint.rules.segments["high-touch-mass-market_test"]

import data.crlint.rules.segments["high-touch-mass-market"] as rule

segments := [
	{"id": "hnwi", "market": "niche"},
	{"id": "consumers", "market": "mass"},
	{"id": "students", "market": "mass"},
	{"id": "smb"},
]

test_fail_dedicated_serves_mass if {
	rule.report == {{
		"path": ["relationships", 0, "segments", 1],
		"message": `relationship "concierge" (dedicated_personal_assistance) serves segment "consumers", a mass market`,
	}} with input as {
		"segments": segments,
		"relationships": [{"id": "concierge", "type": "dedicated_personal_assistance", "segments": ["hnwi", "consumers"]}],
	}
}

test_fail_one_finding_per_mass_reference if {
	rule.report == {
		{
			"path": ["relationships", 1, "segments", 0],
			"message": `relationship "concierge" (dedicated_personal_assistance) serves segment "consumers", a mass market`,
		},
		{
			"path": ["relationships", 1, "segments", 2],
			"message": `relationship "concierge" (dedicated_personal_assistance) serves segment "students", a mass market`,
		},
	} with input as {
		"segments": segments,
		"relationships": [
			{"id": "app", "type": "self_service", "segments": ["consumers"]},
			{"id": "concierge", "type": "dedicated_personal_assistance", "segments": ["consumers", "smb", "students"]},
		],
	}
}

test_pass_dedicated_serves_niche if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "banker", "type": "dedicated_personal_assistance", "segments": ["hnwi", "smb"]}],
	}
}

# Plain personal assistance can serve a mass market (call centres do).
test_pass_personal_assistance_serves_mass if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "helpdesk", "type": "personal_assistance", "segments": ["consumers"]}],
	}
}

test_pass_invalid_type_is_skipped if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "concierge", "segments": ["consumers"]}],
	}
}

# A dangling reference and a segment with an invalid market are not mass.
test_pass_dangling_and_marketless if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "concierge", "type": "dedicated_personal_assistance", "segments": ["mass", "smb"]}],
	}
}
