package crlint.rules.summary["summary-missing_test"]

import data.crlint.rules.summary["summary-missing"] as rule

missing := {{
	"path": ["summary", "relationships"],
	"message": "the model has no summary line for the Customer Relationships block of the canvas",
}}

test_fail_no_summary if {
	rule.report == missing with input as {"name": "Bakery", "relationships": []}
}

test_fail_summary_without_relationships if {
	rule.report == missing with input as {"summary": {}}
}

test_fail_blank_summary if {
	rule.report == missing with input as {"summary": {"relationships": " \t"}}
	rule.report == missing with input as {"summary": {"relationships": ""}}
}

test_pass_with_summary if {
	rule.report == set() with input as {"summary": {"relationships": "Personal assistance at the counter"}}
}

# summary = "x" is CR003's alone (v2 §3).
test_pass_wrong_typed_summary if {
	rule.report == set() with input as {"_invalid": {"summary": true}}
}
