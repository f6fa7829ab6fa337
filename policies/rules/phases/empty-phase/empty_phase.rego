# METADATA
# title: empty-phase
# description: The get, keep or grow phase has no tactic.
# custom:
#   code: CR301
#   severity: error
#   hint: 'add a tactic: [[<phase>]] tactic = "..." relationships = ["..."]'
#   why: >-
#     Get, Keep and Grow together say how customers are acquired, retained
#     and made more valuable. A phase with no tactic leaves that part of the
#     customer's life to chance, typically a business that only chases new
#     customers and never plans to keep or grow them.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt (What is Get, Keep, Grow?)
#       quote: >-
#         It helps businesses attract new customers (Get), retain them (Keep),
#         and encourage them to spend more or refer others (Grow).
#     - source: 12-types-and-get-keep-grow.txt (Why is it Important?)
#       quote: >-
#         This approach is crucial because it ensures a business isn't just
#         focused on gaining new customers but also on keeping existing ones
#         happy and increasing their value to the company.
#   fix: >-
#     Add at least one [[get]], [[keep]] and [[grow]] tactic, each naming the
#     relationships it uses.
#   bad: |
#     [[get]]
#     tactic = "Referrals from accountants"
#     relationships = ["private-banker"]
#   good: |
#     [[get]]
#     tactic = "Referrals from accountants"
#     relationships = ["private-banker"]
#
#     [[keep]]
#     tactic = "Quarterly portfolio review"
#     relationships = ["private-banker"]
#
#     [[grow]]
#     tactic = "Offer estate planning to clients over 60"
#     relationships = ["private-banker"]
package crlint.rules.phases["empty-phase"]

import data.crlint.lib

purpose := {
	"get": "how customers are acquired",
	"keep": "how customers are retained",
	"grow": "how customers are grown",
}

# A phase written with the wrong type (get = "x") is CR003's alone.
report contains finding if {
	some phase in lib.phases
	count(object.get(input, phase, [])) == 0
	not lib.invalid(input, phase)
	finding := {
		"path": [phase],
		"message": sprintf("the %s phase has no tactic: the model does not say %s", [phase, purpose[phase]]),
		"hint": sprintf(`add a tactic: [[%s]] tactic = "..." relationships = ["..."]`, [phase]),
	}
}
