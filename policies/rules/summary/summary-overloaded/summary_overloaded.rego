# METADATA
# title: summary-overloaded
# description: The canvas summary is over 12 words or names more than 4 relationship types (house-style limits, see its options).
# custom:
#   code: CR402
#   severity: warning
#   options:
#     - name: max_words
#       default: 12
#       description: the most words the summary may have
#     - name: max_types
#       default: 4
#       description: the most relationship types the summary may name
#   hint: 'shorten it to a title of at most 12 words and 4 types: relationships = "Personal assistance, self-service"'
#   why: >-
#     The canvas tells a story, and the best stories keep only the most
#     important details. A summary that runs to a sentence or lists every
#     relationship type overloads the reader and hides which relationships
#     really carry the model; the details belong in the model, not on the
#     canvas. The limits of 12 words and 4 types are house style, not
#     guidance, which asks for a concise title without counting words: set
#     your own with max_words and max_types under [rules.summary-overloaded].
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Remember we are trying to use the Business Model Canvas to tell a
#         story. The best stories only include the most important details.
#         Don’t go into more detail than is necessary for the story you are
#         telling.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         When you show too much information to someone and it overloads them.
#   fix: >-
#     Cut the summary to a short title of at most 12 words that names the
#     few relationship types that matter most (at most 4).
#   bad: |
#     [summary]
#     relationships = "Self-service app, automated reminders, personal assistance, community forum and co-creation of new features"
#   good: |
#     [summary]
#     relationships = "Self-service app with a community forum"
package crlint.rules.summary["summary-overloaded"]

import data.crlint.lib

# max_words and max_types are the rule's options (METADATA options): what
# [rules.summary-overloaded] sets, else these defaults.
max_words := lib.option("summary-overloaded", "max_words", 12)

max_types := lib.option("summary-overloaded", "max_types", 4)

report contains finding if {
	types := sort(lib.summary_named)
	words := count(lib.summary_words)
	problems := array.concat(
		[sprintf("has %d words (more than %d)", [words, max_words]) | words > max_words],
		[sprintf("names %d relationship types (more than %d): %s", [count(types), max_types, concat(", ", types)]) |
			count(types) > max_types
		],
	)
	count(problems) > 0
	finding := {
		"path": ["summary", "relationships"],
		"message": sprintf("the canvas summary %s", [lib.and_join(problems)]),
	}
}
