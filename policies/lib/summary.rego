# How the canvas summary names relationship types (SPEC §3, "How the
# summary names a type"), for CR402 and CR403.
package crlint.lib

# ws is every Unicode white space character (the White_Space property: tab,
# line feed, U+000B, form feed, carriage return, space, U+0085, U+00A0,
# U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), as a
# regular-expression class body: RE2's \s knows only ASCII.
ws := `\t\n\x{0B}\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`

# The patterns built from ws, once per model rather than once per call.
_not_in_run := sprintf(`[^\pL\pN%s_-]+`, [ws])

_between_words := sprintf(`[%s_-]+`, [ws])

_space_run := sprintf(`[%s]+`, [ws])

# summary_phrases maps each phrase that always names its type, wherever it
# stands, to that type; written with single spaces: in the summary, white
# space, a hyphen or an underscore between two words count as one space.
summary_phrases := {
	"self service": "self_service",
	"self serve": "self_service",
	"personal assistance": "personal_assistance",
	"dedicated personal assistance": "dedicated_personal_assistance",
	"dedicated assistance": "dedicated_personal_assistance",
	"key account management": "dedicated_personal_assistance",
	"key account manager": "dedicated_personal_assistance",
	"key account managers": "dedicated_personal_assistance",
	"concierge": "dedicated_personal_assistance",
	"automated service": "automated_services",
	"automated services": "automated_services",
	"communities": "community",
	"community engagement": "community",
	"community forum": "community",
	"community forums": "community",
	"online community": "community",
	"user community": "community",
	"co creation": "co_creation",
	"cocreation": "co_creation",
	"co create": "co_creation",
	"co created": "co_creation",
	"fan club": "fans",
	"fan clubs": "fans",
	"long term relationship": "long_term",
	"long term relationships": "long_term",
	"switching cost": "switching_costs",
	"switching costs": "switching_costs",
	"direct relationship": "direct",
	"direct relationships": "direct",
	"direct sales": "direct",
	"indirect relationship": "indirect",
	"indirect relationships": "indirect",
	"indirect sales": "indirect",
	"transactional relationship": "transactional",
	"transactional relationships": "transactional",
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

# _phrase_pattern finds the phrases in a run written with each word between
# slashes ("/self//service/"): every phrase of summary_phrases written alike,
# so that a match covers whole words and two matches never share a
# character. The leftmost match wins, so "dedicated personal assistance" is
# found before the "personal assistance" inside it. Written out rather than
# built from summary_phrases so that no model pays for building it; a test
# checks that the two agree.
_phrase_pattern := concat("|", [
	"/automated//service/",
	"/automated//services/",
	"/co//create/",
	"/co//created/",
	"/co//creation/",
	"/cocreation/",
	"/communities/",
	"/community//engagement/",
	"/community//forum/",
	"/community//forums/",
	"/concierge/",
	"/dedicated//assistance/",
	"/dedicated//personal//assistance/",
	"/direct//relationship/",
	"/direct//relationships/",
	"/direct//sales/",
	"/fan//club/",
	"/fan//clubs/",
	"/indirect//relationship/",
	"/indirect//relationships/",
	"/indirect//sales/",
	"/key//account//management/",
	"/key//account//manager/",
	"/key//account//managers/",
	"/long//term//relationship/",
	"/long//term//relationships/",
	"/online//community/",
	"/personal//assistance/",
	"/self//serve/",
	"/self//service/",
	"/switching//cost/",
	"/switching//costs/",
	"/transactional//relationship/",
	"/transactional//relationships/",
	"/user//community/",
])

_slashed(words) := concat("", ["/", concat("//", words), "/"])

# summary_runs splits a summary into runs of words: a word is a run of
# letters and digits (any script); inside a run words are separated only by
# white space, hyphens or underscores, and anything else (punctuation) ends
# the run, so "self, service" names nothing. Lower-cased.
summary_runs(text) := [words |
	some run in regex.split(_not_in_run, lower(text))
	words := [w | some w in regex.split(_between_words, run); w != ""]
	count(words) > 0
]

# summary_types is the set of relationship types a summary text names: by
# a phrase that always names its type, or an adjective that is a whole list
# item. "personal assistance" does not count when the word immediately
# before it is "dedicated" (that is dedicated_personal_assistance).
summary_types(text) := _phrase_types(text) | _adjective_types(text)

_phrase_types(text) := {summary_phrases[phrase] |
	some words in summary_runs(text)
	some match in regex.find_n(_phrase_pattern, _slashed(words), -1)
	phrase := trim(replace(match, "//", " "), "/")
}

# _adjective_types splits a summary into list items at , ; : / & + ( ) and
# at the words "and", "or" and "with"; an item names an adjective's type
# when, trimmed, it is exactly that adjective (white space, hyphens and
# underscores between its words alike).
_adjective_types(text) := {summary_adjectives[key] |
	some part in regex.split(`[,;:/&+()]`, lower(text))
	some item in regex.split(`(?:^|[^\pL\pN])(?:and|or|with)(?:[^\pL\pN]|$)`, part)
	regex.match(_adjective_pattern, item)
	key := regex.replace(trim_space(item), _between_words, " ")
}

_adjective_pattern := sprintf(`^[%s]*(?:%s)[%s]*$`, [
	ws,
	concat("|", [replace(a, " ", _between_words) | some a, _ in summary_adjectives]),
	ws,
])

# summary_text is the canvas summary of the relationships, when written.
summary_text := input.summary.relationships if is_string(input.summary.relationships)

# summary_named is the set of types the model's summary names, computed once
# per model for the rules that need it (CR402, CR403).
summary_named := summary_types(summary_text)

# summary_words are the words of the summary, split on white space of any
# kind ("self-service" is one word).
summary_words := [w | some w in regex.split(_space_run, summary_text); w != ""]
