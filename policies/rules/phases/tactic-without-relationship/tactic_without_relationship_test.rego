package crlint.rules.phases["tactic-without-relationship_test"]

import data.crlint.rules.phases["tactic-without-relationship"] as rule

test_fail_keep_tactics_without_relationships if {
	rule.report == {
		{"path": ["keep", 1, "relationships"], "message": `keep tactic "Meetups" references no relationship`},
		{"path": ["keep", 2, "relationships"], "message": `keep tactic "Calls" references no relationship`},
	} with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"keep": [
			{"tactic": "Newsletter", "relationships": ["forum"]},
			{"tactic": "Meetups", "relationships": []},
			{"tactic": "Calls"},
		],
	}
}

# v2: get and grow tactics may be marketing or brand building (a PR
# campaign, a crowdfunding round) and are not judged.
test_pass_get_and_grow_without_relationships if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"get": [{"tactic": "Press coverage in TechCrunch"}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
		"grow": [{"tactic": "Crowdfunding round", "relationships": []}],
	}
}

# References that all dangle are reported by CR006 alone.
test_pass_only_dangling if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community"}],
		"keep": [{"tactic": "Meetups", "relationships": ["froum"]}],
	}
}

# Invalid entries (CR003) are treated like entries that name nothing.
test_pass_only_invalid if {
	rule.report == set() with input as {"keep": [{"tactic": "Meetups", "relationships": [], "_invalid": {"relationships": true}}]}
}

# A tactic whose relationship has an invalid type still references it.
test_pass_relationship_with_invalid_type if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum"}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}

# A tactic without its text (CR004) is labelled by its index.
test_fail_tactic_without_text if {
	rule.report == {{
		"path": ["keep", 0, "relationships"],
		"message": "keep tactic keep[0] references no relationship",
	}} with input as {"keep": [{"metric": "10%"}]}
}
