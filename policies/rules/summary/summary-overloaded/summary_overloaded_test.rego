package crlint.rules.summary["summary-overloaded_test"]

import data.crlint.rules.summary["summary-overloaded"] as rule

test_fail_too_many_words if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary has 13 words (more than 12)",
	}} with input as {"summary": {"relationships": "one two three four five six seven eight nine ten eleven twelve thirteen"}}
}

test_fail_too_many_types if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary names 5 relationship types (more than 4): automated_services, co_creation, community, personal_assistance, self_service",
	}} with input as {"summary": {"relationships": "Self-service, automation, personal assistance, community, co-creation"}}
}

test_fail_both if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary has 13 words (more than 12) and names 5 relationship types (more than 4): automated_services, co_creation, community, personal_assistance, self_service",
	}} with input as {"summary": {"relationships": "Self-service app, automated services, personal assistance, community forum and co-creation of new features"}}
}

# v2: "automated reminders" names nothing ("automated" is an adjective that
# names its type only as a whole list item): 4 types, 13 words.
test_fail_adjective_inside_an_item_names_nothing if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary has 13 words (more than 12)",
	}} with input as {"summary": {"relationships": "Self-service app, automated reminders, personal assistance, community forum and co-creation of new features"}}
}

# Exactly 12 words and 4 types is still a title.
test_pass_at_the_limits if {
	rule.report == set() with input as {"summary": {"relationships": "Self-service app, automated services, personal assistance and a community forum for all"}}
}

# Words are split on whitespace only: "self-service" is one word.
test_pass_hyphenated_words_count_once if {
	rule.report == set() with input as {"summary": {"relationships": "self-service co-creation long-term one-on-one a b c d e f g h"}}
}

# Whitespace of any kind separates words; runs of it count once.
test_fail_words_split_on_any_whitespace if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary has 13 words (more than 12)",
	}} with input as {"summary": {"relationships": "  a\tb\nc  d e f g h i j k l m  "}}
}

# "dedicated personal assistance" names one type, not two.
test_pass_dedicated_counts_once if {
	rule.report == set() with input as {"summary": {"relationships": "Dedicated personal assistance, self-service, community and fans"}}
}

test_pass_no_summary if {
	rule.report == set() with input as {}
}

# The limits are options: [rules.summary-overloaded] sets them through
# data.crlint.options.
test_fail_option_max_words if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary has 6 words (more than 5)",
	}} with input as {"summary": {"relationships": "a b c d e f"}}
		with data.crlint.options as {"summary-overloaded": {"max_words": 5}}
}

test_pass_option_max_words_raised if {
	rule.report == set() with input as {"summary": {"relationships": "one two three four five six seven eight nine ten eleven twelve thirteen"}}
		with data.crlint.options as {"summary-overloaded": {"max_words": 15}}
}

test_fail_option_max_types if {
	rule.report == {{
		"path": ["summary", "relationships"],
		"message": "the canvas summary names 2 relationship types (more than 1): community, self_service",
	}} with input as {"summary": {"relationships": "Self-service and community"}}
		with data.crlint.options as {"summary-overloaded": {"max_types": 1}}
}

# Options of another rule change nothing here.
test_pass_other_rules_options if {
	rule.report == set() with input as {"summary": {"relationships": "a b c d e f"}}
		with data.crlint.options as {"other-rule": {"max_words": 1}}
}
