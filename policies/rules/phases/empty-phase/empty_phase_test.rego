package crlint.rules.phases["empty-phase_test"]

import data.crlint.rules.phases["empty-phase"] as rule

test_fail_one_finding_per_empty_phase if {
	rule.report == {
		{
			"path": ["keep"],
			"message": "the keep phase has no tactic: the model does not say how customers are retained",
			"hint": `add a tactic: [[keep]] tactic = "..." relationships = ["..."]`,
		},
		{
			"path": ["grow"],
			"message": "the grow phase has no tactic: the model does not say how customers are grown",
			"hint": `add a tactic: [[grow]] tactic = "..." relationships = ["..."]`,
		},
	} with input as {"get": [{"tactic": "Referrals"}], "keep": []}
}

test_pass_every_phase_has_a_tactic if {
	rule.report == set() with input as {
		"get": [{"tactic": "Referrals"}],
		"keep": [{"tactic": "Quarterly review"}],
		"grow": [{"tactic": "Estate planning"}],
	}
}

# A phase of the wrong type (CR003) is treated as absent but not reported
# again (v2 §3).
test_pass_wrong_typed_phase if {
	rule.report == set() with input as {
		"get": [], "_invalid": {"get": true},
		"keep": [{"tactic": "k"}], "grow": [{"tactic": "g"}],
	}
}
