package crlint.lib_summary_test

import data.crlint.lib

test_summary_types_spec_example if {
	lib.summary_types("Dedicated personal assistance, one banker per client") == {"dedicated_personal_assistance"}
}

test_summary_types_guidance_title if {
	lib.summary_types("Personal Assistance, Self-Service, and Community Engagement") == {
		"personal_assistance", "self_service", "community",
	}
}

# Every phrase that always names its type, wherever it stands in the text.
test_summary_types_every_phrase if {
	every p, t in lib.summary_phrases {
		lib.summary_types(sprintf("We offer %s to every client", [p])) == {t}
		lib.summary_types(replace(p, " ", "-")) == {t}
	}
}

# Each phrase of the SPEC, as written there, inside a sentence.
# The written-out pattern holds exactly the phrases of summary_phrases.
test_phrase_pattern_matches_the_phrases if {
	lib._phrase_pattern == concat("|", sort([lib._slashed(split(p, " ")) | some p, _ in lib.summary_phrases]))
}

test_summary_types_spec_phrases if {
	cases := {
		"self service": "self_service", "self serve": "self_service",
		"personal assistance": "personal_assistance",
		"dedicated personal assistance": "dedicated_personal_assistance",
		"dedicated assistance": "dedicated_personal_assistance",
		"key account management": "dedicated_personal_assistance",
		"key account manager": "dedicated_personal_assistance",
		"key account managers": "dedicated_personal_assistance",
		"concierge": "dedicated_personal_assistance",
		"automated service": "automated_services", "automated services": "automated_services",
		"communities": "community", "community engagement": "community",
		"community forum": "community", "community forums": "community",
		"online community": "community", "user community": "community",
		"co creation": "co_creation", "cocreation": "co_creation",
		"co create": "co_creation", "co created": "co_creation",
		"fan club": "fans", "fan clubs": "fans",
		"long term relationship": "long_term", "long term relationships": "long_term",
		"switching cost": "switching_costs", "switching costs": "switching_costs",
		"direct relationship": "direct", "direct relationships": "direct", "direct sales": "direct",
		"indirect relationship": "indirect", "indirect relationships": "indirect", "indirect sales": "indirect",
		"transactional relationship": "transactional", "transactional relationships": "transactional",
	}
	count(cases) == 35
	cases == lib.summary_phrases
	every p, t in cases {
		lib.summary_types(sprintf("Our %s for every client", [p])) == {t}
	}
}

# Every adjective names its type as a whole list item, at every kind of
# list separator, and nothing inside an item.
test_summary_types_adjectives_as_whole_items if {
	every word, t in lib.summary_adjectives {
		lib.summary_types(word) == {t}
		lib.summary_types(sprintf("Self-service, %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service; %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service: %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service/%s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service & %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service + %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service (%s)", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service and %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service or %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("Self-service with %s", [word])) == {"self_service", t}
		lib.summary_types(sprintf("  %s  ", [upper(word)])) == {t}
		lib.summary_types(sprintf("%s bank for savers", [word])) == set()
		lib.summary_types(sprintf("Bank for %s savers", [word])) == set()
	}
}

# The SPEC's examples.
test_summary_types_spec_examples if {
	lib.summary_types("Self-service, community and fans") == {"self_service", "community", "fans"}
	lib.summary_types("Community bank for long-term savers") == set()
	lib.summary_types("dedicated, personal assistance") == {"personal_assistance"}
}

# Summaries that must name nothing: adjectives inside an item, words that
# only contain a phrase, phrases broken by punctuation.
test_summary_types_names_nothing if {
	every text in [
		"Community bank for long-term savers",
		"Automated reminders for transactional customers",
		"Fans of good coffee welcome",
		"Indirect costs kept low",
		"Long-term savings accounts",
		"Our community garden",
		"Automation of back-office work",
		"selfservice kiosks",
		"fanship communityless transactionality automatedly",
		"self, service",
		"key, account management",
		"co. creation",
		"direct mail and indirect taxes",
		"Direct debit",
		"Sandwiches and orange juice",
		"Community.",
		"",
		"   ",
	] {
		lib.summary_types(text) == set()
	}
}

test_summary_types_case_hyphens_underscores_spaces_alike if {
	lib.summary_types("SELF_SERVICE portal") == {"self_service"}
	lib.summary_types("self-service") == {"self_service"}
	lib.summary_types("self  service") == {"self_service"}
	lib.summary_types("self - service") == {"self_service"}
	lib.summary_types("Co-Creation and cocreation") == {"co_creation"}
	lib.summary_types("Long-term") == {"long_term"}
	lib.summary_types("long_term, fans") == {"long_term", "fans"}
	lib.summary_types("Long-Term Relationships") == {"long_term"}
}

test_summary_types_whole_words_only if {
	lib.summary_types("concierges") == set()
	lib.summary_types("fan clubs") == {"fans"}
	lib.summary_types("direct") == set()
	lib.summary_types("indirect relationships") == {"indirect"}
	lib.summary_types("selfservice") == set()
	lib.summary_types("Sandor fans") == set()
	lib.summary_types("brand fans") == set()
}

test_summary_types_punctuation_breaks_a_phrase if {
	lib.summary_types("self, service") == set()
	lib.summary_types("(community)") == {"community"}
	lib.summary_types("online community's events") == {"community"}
	lib.summary_types("fan. club") == set()
}

test_summary_types_personal_not_after_dedicated if {
	lib.summary_types("dedicated personal assistance") == {"dedicated_personal_assistance"}
	lib.summary_types("Dedicated-Personal_Assistance") == {"dedicated_personal_assistance"}
	lib.summary_types("personal assistance") == {"personal_assistance"}
	lib.summary_types("semi-dedicated personal assistance") == {"dedicated_personal_assistance"}
	lib.summary_types("dedicated personal assistance for VIPs, personal assistance for all") == {
		"dedicated_personal_assistance", "personal_assistance",
	}
	lib.summary_types("undedicated personal assistance") == {"personal_assistance"}
	lib.summary_types("dedicated. personal assistance") == {"personal_assistance"}
	lib.summary_types("dedicated personal assistance personal assistance") == {"dedicated_personal_assistance", "personal_assistance"}
	lib.summary_types("personal assistance then dedicated personal assistance") == {"dedicated_personal_assistance", "personal_assistance"}
	lib.summary_types("self service self service") == {"self_service"}
}

# Every Unicode white space separates words, in phrases, items and the word
# count (bug 5f: U+0085, U+000B, U+00A0 among them).
test_summary_unicode_white_space if {
	every sp in ["\u0085", "\u000b", "\u00a0", "\u2028", "\u3000", "\u202f", "\u1680", "\u2009"] {
		lib.summary_types(sprintf("self%sservice and%scommunity", [sp, sp])) == {"self_service", "community"}
		count(lib.summary_words) == 3 with input as {"summary": {"relationships": sprintf("one%stwo%sthree", [sp, sp])}}
	}
}

test_summary_words if {
	lib.summary_words == ["Self-service", "app,", "community"] with input as {"summary": {"relationships": " Self-service\tapp,\n community "}}
	lib.summary_words == [] with input as {}
}

test_model_types_skips_invalid if {
	lib.model_types == {"community"} with input as {"relationships": [{"id": "a", "type": "community"}, {"id": "b"}]}
}

test_tactic_refs if {
	lib.tactic_refs == {"a", "b", "ghost"} with input as {
		"get": [{"tactic": "x", "relationships": ["a"]}],
		"keep": [{"tactic": "y", "relationships": ["b", "ghost"]}, {"tactic": "z"}],
	}
}

test_phase_relationships_drops_dangling if {
	lib.phase_relationships("keep") == {{"id": "a", "type": "switching_costs"}} with input as {
		"relationships": [{"id": "a", "type": "switching_costs"}, {"id": "b", "type": "community"}],
		"keep": [{"tactic": "x", "relationships": ["a", "ghost"]}, {"tactic": "y"}],
	}
	lib.phase_relationships("grow") == set() with input as {}
}

test_and_join if {
	lib.and_join(["a"]) == "a"
	lib.and_join(["a", "b"]) == "a and b"
	lib.and_join(["a", "b", "c"]) == "a, b and c"
	not lib.and_join([])
}

test_plural if {
	lib.plural(1, "tactic") == "1 tactic"
	lib.plural(0, "tactic") == "0 tactics"
	lib.plural(3, "word") == "3 words"
}
