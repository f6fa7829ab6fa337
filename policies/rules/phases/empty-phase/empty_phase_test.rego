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
