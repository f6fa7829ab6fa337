package crlint.rules.resourcing["automated-without-technology_test"]

import data.crlint.rules.resourcing["automated-without-technology"] as rule

test_fail_no_resources if {
	rule.report == {{
		"path": ["relationships", 0, "resources"],
		"message": `relationship "recommender" (automated_services) links no intellectual or physical key resource`,
	}} with input as {"relationships": [{"id": "recommender", "type": "automated_services"}]}
}

# Only people (and a resource with no kind) is no technology; the dangling
# reference is ignored.
test_fail_only_human_and_kindless if {
	rule.report == {{
		"path": ["relationships", 0, "resources"],
		"message": `relationship "bot" (automated_services) links no intellectual or physical key resource`,
	}} with input as {
		"relationships": [{"id": "bot", "type": "automated_services", "resources": ["staff", "ghost", "budget", "thing"]}],
		"key_resources": [{"id": "staff", "kind": "human"}, {"id": "budget", "kind": "financial"}, {"id": "thing"}],
	}
}

test_pass_intellectual if {
	rule.report == set() with input as {
		"relationships": [{"id": "bot", "type": "automated_services", "resources": ["staff", "model"]}],
		"key_resources": [{"id": "staff", "kind": "human"}, {"id": "model", "kind": "intellectual"}],
	}
}

test_pass_physical if {
	rule.report == set() with input as {
		"relationships": [{"id": "kiosk", "type": "automated_services", "resources": ["machines"]}],
		"key_resources": [{"id": "machines", "kind": "physical"}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {"relationships": [{"id": "bot", "type": "automated_services", "resources": ["ghost"]}]}
}

test_pass_other_types if {
	rule.report == set() with input as {"relationships": [{"id": "app", "type": "self_service"}, {"id": "typo"}]}
}
