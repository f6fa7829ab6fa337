package crlint.rules.house["always-quiet_test"]

import data.crlint.rules.house["always-quiet"] as rule

test_pass_quiet if {
	rule.report == set()
}

test_fail_expects_a_finding if {
	count(rule.report) == 1
}
