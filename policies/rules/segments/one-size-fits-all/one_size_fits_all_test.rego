package crlint.rules.segments["one-size-fits-all_test"]

import data.crlint.rules.segments["one-size-fits-all"] as rule

segments := [
	{"id": "consumers", "market": "mass"},
	{"id": "wealthy", "market": "niche"},
	{"id": "students", "market": "mass"},
	{"id": "smb"},
]

test_fail_one_relationship_for_different_markets if {
	rule.report == {{
		"path": ["relationships", 0],
		"message": `relationship "app" is the only relationship but serves segments of different markets (mass, niche)`,
	}} with input as {
		"segments": segments,
		"relationships": [{"id": "app", "type": "self_service", "segments": ["wealthy", "consumers", "students"]}],
	}
}

# The relationship counts even when its type is invalid.
test_fail_invalid_type_still_counts if {
	count(rule.report) == 1 with input as {
		"segments": segments,
		"relationships": [{"id": "app", "segments": ["consumers", "wealthy"]}],
	}
}

test_pass_same_market if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "app", "type": "self_service", "segments": ["consumers", "students"]}],
	}
}

# A segment without a market does not make the markets differ.
test_pass_segment_without_market if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "app", "type": "self_service", "segments": ["consumers", "smb"]}],
	}
}

test_pass_two_relationships if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [
			{"id": "app", "type": "self_service", "segments": ["consumers", "wealthy"]},
			{"id": "banker", "type": "dedicated_personal_assistance", "segments": ["wealthy"]},
		],
	}
}

# A dangling reference serves nothing, even if it spells a market.
test_pass_dangling_reference if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "app", "type": "self_service", "segments": ["consumers", "niche"]}],
	}
}

test_pass_no_relationship if {
	rule.report == set() with input as {"segments": segments, "relationships": []}
}
