package crlint.rules.phases["tactic-motivation-mismatch_test"]

import data.crlint.rules.phases["tactic-motivation-mismatch"] as rule

test_fail_keep_tactic_on_acquisition_relationship if {
	rule.report == {{
		"path": ["keep", 0, "relationships", 0],
		"message": `keep tactic "Meetups" uses relationship "forum", whose motivations (acquisition) leave out retention`,
		"hint": `add "retention" to the motivations of relationship "forum", or reference a relationship meant for keep`,
	}} with input as {
		"relationships": [{"id": "forum", "type": "community", "motivations": ["acquisition"]}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}

# Every phase maps to its motivation; one finding per (tactic,
# relationship) pair, at the first reference.
test_fail_every_phase if {
	rule.report == {
		{
			"path": ["get", 0, "relationships", 1],
			"message": `get tactic "Ads" uses relationship "care", whose motivations (retention, upselling) leave out acquisition`,
			"hint": `add "acquisition" to the motivations of relationship "care", or reference a relationship meant for get`,
		},
		{
			"path": ["grow", 0, "relationships", 0],
			"message": `grow tactic "Upsell" uses relationship "app", whose motivations (acquisition) leave out upselling`,
			"hint": `add "upselling" to the motivations of relationship "app", or reference a relationship meant for grow`,
		},
	} with input as {
		"relationships": [
			{"id": "app", "type": "self_service", "motivations": ["acquisition"]},
			{"id": "care", "type": "personal_assistance", "motivations": ["retention", "upselling"]},
		],
		"get": [{"tactic": "Ads", "relationships": ["app", "care", "care"]}],
		"keep": [{"tactic": "Calls", "relationships": ["care"]}],
		"grow": [{"tactic": "Upsell", "relationships": ["app", "app", "care"]}],
	}
}

test_pass_motivations_cover_the_phases if {
	rule.report == set() with input as {
		"relationships": [{"id": "forum", "type": "community", "motivations": ["acquisition", "retention", "upselling"]}],
		"get": [{"tactic": "Referrals", "relationships": ["forum"]}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
		"grow": [{"tactic": "Premium", "relationships": ["forum"]}],
	}
}

# Motivations that declare nothing (missing, empty, or only invalid entries
# left out by the loader) never trigger the rule.
test_pass_motivations_declare_nothing if {
	every r in [
		{"id": "forum"},
		{"id": "forum", "motivations": []},
		{"id": "forum", "motivations": [], "_invalid": {"motivations": true}},
	] {
		rule.report == set() with input as {
			"relationships": [r],
			"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
		}
	}
}

# Valid entries left after invalid ones are judged.
test_fail_judged_on_valid_motivations if {
	count(rule.report) == 1 with input as {
		"relationships": [{"id": "forum", "motivations": ["acquisition"], "_invalid": {"motivations": true}}],
		"keep": [{"tactic": "Meetups", "relationships": ["forum"]}],
	}
}

# A reference that names nothing is CR006's; with duplicate ids the first
# item is the one referenced.
test_pass_dangling_and_duplicate if {
	rule.report == set() with input as {
		"relationships": [
			{"id": "forum", "motivations": ["retention"]},
			{"id": "forum", "motivations": ["acquisition"], "_duplicate": true},
		],
		"keep": [{"tactic": "Meetups", "relationships": ["forum", "ghost"]}],
	}
}

# The rule does not look at types: an invalid type is still judged.
test_fail_invalid_type_still_judged if {
	count(rule.report) == 1 with input as {
		"relationships": [{"id": "forum", "motivations": ["upselling"]}],
		"get": [{"tactic": "Ads", "relationships": ["forum"]}],
	}
}
