package crlint.rules.phases["mature-acquisition-heavy_test"]

import data.crlint.rules.phases["mature-acquisition-heavy"] as rule

test_fail_mature_with_more_get_than_keep_and_grow if {
	rule.report == {{
		"path": ["stage"],
		"message": "the business is mature but get has 3 tactics, more than keep and grow together (2)",
	}} with input as {
		"stage": "mature",
		"get": [{"tactic": "TV"}, {"tactic": "Free phone"}, {"tactic": "Referrals"}],
		"keep": [{"tactic": "Points"}],
		"grow": [{"tactic": "Family plan"}],
	}
}

test_fail_one_get_and_nothing_else if {
	rule.report == {{
		"path": ["stage"],
		"message": "the business is mature but get has 1 tactic, more than keep and grow together (0)",
	}} with input as {"stage": "mature", "get": [{"tactic": "TV"}]}
}

test_pass_balanced if {
	rule.report == set() with input as {
		"stage": "mature",
		"get": [{"tactic": "TV"}, {"tactic": "Free phone"}],
		"keep": [{"tactic": "Points"}],
		"grow": [{"tactic": "Family plan"}],
	}
}

test_pass_not_mature if {
	rule.report == set() with input as {"stage": "growth", "get": [{"tactic": "TV"}, {"tactic": "Ads"}]}
}

# An invalid stage is removed by the loader: the rule does not judge it.
test_pass_no_stage if {
	rule.report == set() with input as {"get": [{"tactic": "TV"}, {"tactic": "Ads"}]}
}
