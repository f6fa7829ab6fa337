# METADATA
# title: expectation-without-evidence
# description: A segment declares the relationships it expects but no evidence for them.
# custom:
#   code: CR104
#   severity: info
#   hint: 'say where the expectation comes from: evidence = ["12 customer interviews, 2026-03"]'
#   why: >-
#     An expectation that nobody asked the customers about is a guess, and
#     other rules (expectation-unmet) treat it as a fact. Writing down the
#     surveys or interviews behind it lets a reader weigh it, and shows when
#     it is time to ask again.
#   fix: >-
#     Add an evidence list naming the research behind the expectation
#     (interviews, surveys, market studies), or remove the expectation until
#     it is researched.
#   bad: |
#     [[segments]]
#     id = "hnwi"
#     expects = ["dedicated_personal_assistance"]
#   good: |
#     [[segments]]
#     id = "hnwi"
#     expects = ["dedicated_personal_assistance"]
#     evidence = ["14 client interviews, 2026-09"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Start by researching what types of relationships your customers
#         expect. Conduct surveys, interviews, and other market research to
#         gather insights.
package crlint.rules.segments["expectation-without-evidence"]

import data.crlint.lib

# expects = [] declares nothing; an evidence entry that is blank is no
# evidence.
# A segment without a usable id is skipped; evidence whose entries all
# failed CR003 is CR003's alone, and evidence with a valid entry left is
# judged on its valid entries.
report contains finding if {
	some i, seg in input.segments
	is_string(seg.id)
	expects := object.get(seg, "expects", [])
	count(expects) > 0
	not has_evidence(seg)
	not lib.only_invalid(seg, "evidence")
	finding := {
		"path": ["segments", i, "evidence"],
		"message": sprintf("%s expects %s but gives no evidence for it", [lib.label("segments", i), concat(", ", expects)]),
	}
}

has_evidence(seg) if {
	some e in seg.evidence
	trim_space(e) != ""
}
