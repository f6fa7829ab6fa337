package crlint.lib_test

import data.crlint.lib

model := {
	"relationships": [
		{"id": "banker", "type": "dedicated_personal_assistance", "resources": ["bankers", "ghost"], "costs": ["ghost"]},
		{"type": "self_service"},
	],
	"key_resources": [{"id": "bankers", "kind": "human"}],
	"get": [{"tactic": "Referrals"}],
}

test_resolved_drops_dangling if {
	r := model.relationships[0]
	lib.resolved(r, "resources", "key_resources") == {{"id": "bankers", "kind": "human"}} with input as model
}

test_only_dangling if {
	lib.only_dangling(model.relationships[0], "costs", "costs") with input as model
	not lib.only_dangling(model.relationships[0], "resources", "key_resources") with input as model
	not lib.only_dangling(model.relationships[1], "costs", "costs") with input as model
}

test_unlinked if {
	lib.unlinked(model.relationships[1], "costs")
	not lib.unlinked(model.relationships[0], "costs")
}

test_label if {
	lib.label("relationships", 0) == `relationship "banker"` with input as model
	lib.label("relationships", 1) == "relationship relationships[1]" with input as model
	lib.label("get", 0) == `get tactic "Referrals"` with input as model
}

invalid_model := {
	"relationships": [
		{"id": "a", "costs": [], "_invalid": {"costs": true}},
		{"id": "b", "costs": []},
	],
	"key_resources": [{"id": "x", "kind": "human"}, {"id": "x", "kind": "physical", "_duplicate": true}],
}

# A field whose written value failed CR003 is neither unlinked nor linked:
# rules about missing links skip it.
test_invalid_field_is_not_unlinked if {
	not lib.unlinked(invalid_model.relationships[0], "costs")
	lib.unlinked(invalid_model.relationships[1], "costs")
	lib.only_dangling(invalid_model.relationships[0], "costs", "costs") with input as invalid_model
	not lib.only_dangling(invalid_model.relationships[1], "costs", "costs") with input as invalid_model
}

# A reference to a duplicated id resolves to the first item.
test_duplicate_resolves_to_first if {
	lib.by_id.key_resources.x.kind == "human" with input as invalid_model
}

test_first_index if {
	lib.first_index(["a", "b", "a", "c", "b"]) == {"a": 0, "b": 1, "c": 3}
	lib.first_index([]) == {}
	lib.first_index(["x"]) == {"x": 0}
}

test_id_list if {
	lib.id_list({"b", "a"}) == `"a", "b"`
	lib.id_list({"e", "d", "c", "b", "a"}) == `"a", "b", "c", "d", "e"`
	lib.id_list({"f", "e", "d", "c", "b", "a", "g"}) == `"a", "b", "c", "d", "e" and 2 more`
}

# unreached gathers the segments reached with set operations: a segment is
# missed only when no linked item serves it, however many are linked.
test_unreached_many_linked if {
	m := {
		"segments": [{"id": "s1"}, {"id": "s2"}, {"id": "s3"}],
		"channels": [
			{"id": "c1", "segments": ["s1"]},
			{"id": "c2", "segments": ["s2"]},
			{"id": "c3", "segments": ["s1", "s2"]},
		],
		"relationships": [{"id": "r", "segments": ["s1", "s2", "s3", "s3"], "channels": ["c1", "c2", "c3", "gone"]}],
	}
	lib.unreached(m.relationships[0], "channels") == {[2, "s3"]} with input as m
}
