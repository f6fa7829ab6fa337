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

test_summary_types_case_hyphens_underscores_spaces_alike if {
	lib.summary_types("SELF_SERVICE portal") == {"self_service"}
	lib.summary_types("self-service") == {"self_service"}
	lib.summary_types("self  service") == {"self_service"}
	lib.summary_types("Co-Creation and cocreation") == {"co_creation"}
	lib.summary_types("long-term contracts") == {"long_term"}
}

test_summary_types_every_phrase if {
	lib.summary_types("transactional") == {"transactional"}
	lib.summary_types("automation") == {"automated_services"}
	lib.summary_types("automated help") == {"automated_services"}
	lib.summary_types("dedicated assistance") == {"dedicated_personal_assistance"}
	lib.summary_types("user communities") == {"community"}
	lib.summary_types("a fan club") == {"fans"}
	lib.summary_types("for fans") == {"fans"}
	lib.summary_types("switching cost") == {"switching_costs"}
	lib.summary_types("switching costs") == {"switching_costs"}
	lib.summary_types("direct relationship") == {"direct"}
	lib.summary_types("direct relationships") == {"direct"}
	lib.summary_types("direct sales") == {"direct"}
	lib.summary_types("indirect") == {"indirect"}
}

test_summary_types_whole_words_only if {
	lib.summary_types("automatedly fanship communityless transactionality") == set()
	lib.summary_types("fan clubs") == set()
	lib.summary_types("direct") == set()
	lib.summary_types("indirect relationships") == {"indirect"}
	lib.summary_types("selfservice") == set()
}

test_summary_types_punctuation_breaks_a_phrase if {
	lib.summary_types("self, service") == set()
	lib.summary_types("(community)!") == {"community"}
	lib.summary_types("community's events") == {"community"}
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
}

test_summary_types_empty if {
	lib.summary_types("") == set()
	lib.summary_types("   ") == set()
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

# A non-breaking space is white space: it separates words and phrases.
test_summary_non_breaking_space if {
	lib.summary_types("self\u00a0service and a community") == {"self_service", "community"}
	count(lib.summary_words) == 3 with input as {"summary": {"relationships": "one\u00a0two three"}}
}
