# How the canvas summary names relationship types (SPEC §3, "How the
# summary names a type"), for CR402 and CR403.
package crlint.lib

# ws is every Unicode white space character (the White_Space property: tab,
# line feed, U+000B, form feed, carriage return, space, U+0085, U+00A0,
# U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), as a
# regular-expression class body: RE2's \s knows only ASCII.
ws := `\t\n\x{0B}\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`

# summary_phrases are the phrases that always name their type, wherever
# they stand, written with single spaces: in the summary, white space, a
# hyphen or an underscore between two words count as one space.
summary_phrases := {
	"self_service": ["self service", "self serve"],
	"personal_assistance": ["personal assistance"],
	"dedicated_personal_assistance": [
		"dedicated personal assistance", "dedicated assistance", "key account management",
		"key account manager", "key account managers", "concierge",
	],
	"automated_services": ["automated service", "automated services"],
	"community": [
		"communities", "community engagement", "community forum", "community forums",
		"online community", "user community",
	],
	"co_creation": ["co creation", "cocreation", "co create", "co created"],
	"fans": ["fan club", "fan clubs"],
	"long_term": ["long term relationship", "long term relationships"],
	"switching_costs": ["switching cost", "switching costs"],
	"direct": ["direct relationship", "direct relationships", "direct sales"],
	"indirect": ["indirect relationship", "indirect relationships", "indirect sales"],
	"transactional": ["transactional relationship", "transactional relationships"],
}

# summary_adjectives are words that are also ordinary adjectives: they name
# their type only when they make up a whole list item ("Self-service,
# community and fans"), never inside one ("Community bank for long-term
# savers" names nothing).
summary_adjectives := {
	"transactional": "transactional",
	"automated": "automated_services",
	"automation": "automated_services",
	"community": "community",
	"fans": "fans",
	"long term": "long_term",
	"indirect": "indirect",
}

# _summary_phrases_by_first indexes the phrases by their first word, built
# once, so each word of a summary is looked up once.
_summary_phrases_by_first := {first: {[t, words] |
	some t, ps in summary_phrases
	some p in ps
	words := split(p, " ")
	words[0] == first
} |
	some ps in summary_phrases
	some p in ps
	first := split(p, " ")[0]
}

# summary_runs splits a summary into runs of words: a word is a run of
# letters and digits (any script); inside a run words are separated only by
# white space, hyphens or underscores, and anything else (punctuation) ends
# the run, so "self, service" names nothing. Lower-cased.
summary_runs(text) := [words |
	some run in regex.split(sprintf(`[^\pL\pN%s_-]+`, [ws]), lower(text))
	words := [w | some w in regex.split(sprintf(`[%s_-]+`, [ws]), run); w != ""]
	count(words) > 0
]

# summary_items splits a summary into list items at , ; : / & + ( ) and at
# the words "and", "or" and "with"; each item is trimmed of white space and
# lower-cased, and white space, hyphens and underscores between its words
# become one space.
summary_items(text) := {item |
	some part in regex.split(`[,;:/&+()]`, lower(text))
	some raw in regex.split(`(?:^|[^\pL\pN])(?:and|or|with)(?:[^\pL\pN]|$)`, part)
	trimmed := regex.replace(raw, sprintf(`^[%s]+|[%s]+$`, [ws, ws]), "")
	item := regex.replace(trimmed, sprintf(`[%s_-]+`, [ws]), " ")
	item != ""
}

# summary_types is the set of relationship types a summary text names: by
# a phrase that always names its type, or an adjective that is a whole list
# item. "personal assistance" does not count when the word immediately
# before it is "dedicated" (that is dedicated_personal_assistance).
summary_types(text) := _phrase_types(text) | _adjective_types(text)

_phrase_types(text) := {t |
	some words in summary_runs(text)
	some i, w in words
	some [t, phrase] in _summary_phrases_by_first[w]
	array.slice(words, i, i + count(phrase)) == phrase
	not _summary_qualified(t, words, i)
}

_adjective_types(text) := {summary_adjectives[item] | some item in summary_items(text)}

_summary_qualified("personal_assistance", words, i) if {
	i > 0
	words[i - 1] == "dedicated"
}

# summary_text is the canvas summary of the relationships, when written.
summary_text := input.summary.relationships if is_string(input.summary.relationships)

# summary_named is the set of types the model's summary names, computed once
# per model for the rules that need it (CR402, CR403).
summary_named := summary_types(summary_text)

# summary_words are the words of the summary, split on white space of any
# kind ("self-service" is one word).
summary_words := [w | some w in regex.split(sprintf(`[%s]+`, [ws]), summary_text); w != ""]
