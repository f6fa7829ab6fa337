# METADATA
# title: summary-missing
# description: The model has no [summary] relationships line for the canvas.
# custom:
#   code: CR401
#   severity: info
#   hint: 'summarise the strategy in a short title: [summary] relationships = "Personal assistance, self-service"'
#   why: >-
#     The Customer Relationships block of the canvas holds a short title, not
#     the whole model. Without that line the canvas has nothing to show for
#     the block, and readers must piece the strategy together from the details.
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         In the Customer Relationships block, use a concise title that
#         encapsulates your strategy, such as "Personal Assistance,
#         Self-Service, and Community Engagement."
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         You will do a lot of preparatory work to get to this simple version
#         but you don’t need to show all your workings.
#   fix: >-
#     Add a [summary] table with a relationships line of a few words that
#     names the relationship types the model relies on.
#   bad: |
#     name = "Corner Bakery"
#
#     [[relationships]]
#     id   = "counter"
#     type = "personal_assistance"
#   good: |
#     name = "Corner Bakery"
#
#     [summary]
#     relationships = "Personal assistance at the counter"
#
#     [[relationships]]
#     id   = "counter"
#     type = "personal_assistance"
package crlint.rules.summary["summary-missing"]

import data.crlint.lib

# A summary that is empty or blank is as good as none.
# A summary, or its relationships line, written with the wrong type is
# CR003's alone.
report contains finding if {
	not written
	not lib.invalid(input, "summary")
	not lib.invalid(object.get(input, "summary", {}), "relationships")
	finding := {
		"path": ["summary", "relationships"],
		"message": "the model has no summary line for the Customer Relationships block of the canvas",
	}
}

written if trim_space(lib.summary_text) != ""
