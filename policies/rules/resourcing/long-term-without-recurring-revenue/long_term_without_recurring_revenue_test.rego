package crlint.rules.resourcing["long-term-without-recurring-revenue_test"]

import data.crlint.rules.resourcing["long-term-without-recurring-revenue"] as rule

segments := [{"id": "members"}, {"id": "walk-ins"}, {"id": "corporate"}]

test_fail_only_one_off_revenue if {
	rule.report == {{
		"path": ["relationships", 0, "type"],
		"message": `relationship "coaching" (long_term) serves segment "members" that no recurring revenue stream serves`,
	}} with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members"]}],
		"revenue_streams": [{"id": "enrolment", "type": "asset_sale", "segments": ["members"]}],
	}
}

test_fail_no_revenue_streams if {
	rule.report == {{
		"path": ["relationships", 0, "type"],
		"message": `relationship "coaching" (long_term) serves segments "corporate", "members" that no recurring revenue stream serves`,
	}} with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members", "corporate"]}],
		"revenue_streams": [],
	}
}

# Only the segments a recurring stream does not serve are named; a dangling
# reference is ignored.
test_fail_names_only_unpaid_segments if {
	rule.report == {{
		"path": ["relationships", 0, "type"],
		"message": `relationship "coaching" (long_term) serves segment "walk-ins" that no recurring revenue stream serves`,
	}} with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members", "walk-ins", "ghost"]}],
		"revenue_streams": [
			{"id": "membership", "type": "subscription", "segments": ["members"]},
			{"id": "day-pass", "type": "usage_fee", "segments": ["walk-ins"]},
		],
	}
}

# An explicit recurring = false wins over the subscription default.
test_fail_explicit_not_recurring if {
	count(rule.report) == 1 with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members"]}],
		"revenue_streams": [{"id": "membership", "type": "subscription", "recurring": false, "segments": ["members"]}],
	}
}

# A stream whose type is invalid (removed by the loader) does not recur by default.
test_fail_stream_with_invalid_type if {
	count(rule.report) == 1 with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members"]}],
		"revenue_streams": [{"id": "membership", "segments": ["members"]}],
	}
}

test_pass_recurring_by_default if {
	every t in ["subscription", "lending", "renting", "licensing"] {
		rule.report == set() with input as {
			"segments": segments,
			"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members"]}],
			"revenue_streams": [{"id": "s", "type": t, "segments": ["members"]}],
		}
	}
}

# An explicit recurring = true wins over a one-off type.
test_pass_explicit_recurring if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members"]}],
		"revenue_streams": [{"id": "monthly-fee", "type": "usage_fee", "recurring": true, "segments": ["members"]}],
	}
}

# A recurring stream with no or empty segments serves every segment, as
# does one whose segments all dangle (CR006 reports those).
test_pass_stream_serves_every_segment if {
	every stream in [
		{"id": "s", "type": "subscription"},
		{"id": "s", "type": "subscription", "segments": []},
		{"id": "s", "type": "subscription", "segments": ["membres"]},
	] {
		rule.report == set() with input as {
			"segments": segments,
			"relationships": [{"id": "coaching", "type": "long_term", "segments": ["members", "corporate"]}],
			"revenue_streams": [stream],
		}
	}
}

test_pass_serves_no_existing_segment if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "coaching", "type": "long_term", "segments": ["ghost"]}, {"id": "club", "type": "long_term"}],
		"revenue_streams": [],
	}
}

test_pass_other_types if {
	rule.report == set() with input as {
		"segments": segments,
		"relationships": [{"id": "app", "type": "self_service", "segments": ["members"]}, {"id": "typo", "segments": ["members"]}],
		"revenue_streams": [],
	}
}
