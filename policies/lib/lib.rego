# METADATA
# description: |
#   Helpers every crlint rule shares: the relationship type groups of the
#   guidance, the Get/Keep/Grow phases, reference resolution and item labels.
#   Custom rules may import data.crlint.lib too.
package crlint.lib

# high_touch are the relationship types based on human interaction.
high_touch := {"personal_assistance", "dedicated_personal_assistance"}

# community_style are the relationship types that live on a community.
community_style := {"community", "fans", "co_creation"}

# phases are Steve Blank's Get, Keep and Grow, in order.
phases := ["get", "keep", "grow"]

# phase_of maps a motivation to its phase.
phase_of := {"acquisition": "get", "retention": "keep", "upselling": "grow"}

# touch_severity is the severity of a high-touch finding: the deepest
# relationship (dedicated) is an error, plain personal assistance a warning.
touch_severity := {"dedicated_personal_assistance": "error", "personal_assistance": "warning"}

# option is the value the config gives option name of rule (a rule name),
# else default_value. Go puts [rules.<rule>] options in data.crlint.options
# (lint.Settings); a rule declares its options in its METADATA.
option(rule, name, default_value) := object.get(_options, [rule, name], default_value)

default _options := {}

_options := data.crlint.options

# id_blocks are the blocks whose items carry ids.
id_blocks := {
	"segments", "value_propositions", "channels", "relationships", "key_resources",
	"key_activities", "key_partners", "revenue_streams", "costs",
}

singular := {
	"segments": "segment",
	"value_propositions": "value proposition",
	"channels": "channel",
	"relationships": "relationship",
	"key_resources": "key resource",
	"key_activities": "key activity",
	"key_partners": "key partner",
	"revenue_streams": "revenue stream",
	"costs": "cost entry",
	"get": "get tactic",
	"keep": "keep tactic",
	"grow": "grow tactic",
	"competitors": "competitor",
}

# by_id[block][id] is the item of block with that id. The loader marks the
# second item of a duplicated id (CR005), which is left out, so ids are
# unique here and a reference resolves to the first item.
by_id := {block: {item.id: item |
	some item in input[block]
	is_string(item.id)
	not item._duplicate
} |
	some block in id_blocks
}

# refs is the array of references an item writes under key ([] when absent).
refs(item, key) := object.get(item, key, [])

# resolved is the set of items of block that the references under key name.
# A reference that names nothing is reported by CR006 and otherwise ignored.
resolved(item, key, block) := {target |
	some ref in refs(item, key)
	target := by_id[block][ref]
}

# invalid holds when the file writes key on item with a value that failed
# CR003 (a wrong type, entries outside an enum): the loader left it out, and
# rules that depend on the key skip the item, as for an invalid type.
invalid(item, key) if item._invalid[key]

# unlinked holds when an item writes no reference under key (absent or []).
unlinked(item, key) if {
	count(refs(item, key)) == 0
	not invalid(item, key)
}

# only_dangling holds when references are written under key but none names
# an item: CR006 (or CR003) reports them alone, so rules about missing links
# stay quiet.
only_dangling(item, key, block) if {
	_written(item, key)
	count(resolved(item, key, block)) == 0
}

# only_invalid holds when key was written but every entry failed CR003: it
# is CR003's alone, as a key whose references all dangle is CR006's. A key
# with a valid entry left is judged on its valid entries.
only_invalid(item, key) if {
	invalid(item, key)
	count(refs(item, key)) == 0
}

# referable holds when other items can reference item: its id is a string
# and it is not the second of a duplicated id (CR005), which references
# never reach.
referable(item) if {
	is_string(item.id)
	not item._duplicate
}

_written(item, key) if count(refs(item, key)) > 0

_written(item, key) if invalid(item, key)

# label names the i-th item of block in a message: relationship "x".
label(block, i) := sprintf("%s %q", [singular[block], input[block][i].id]) if {
	is_string(input[block][i].id)
} else := sprintf("%s %q", [singular[block], input[block][i].tactic]) if {
	is_string(input[block][i].tactic)
} else := sprintf("%s %q", [singular[block], input[block][i].name]) if {
	is_string(input[block][i].name)
} else := sprintf("%s %s[%d]", [singular[block], block, i])

# serves holds when relationship r lists segment id s (as written).
serves(r, s) if s in refs(r, "segments")

# ---------------------------------------------------------------------------
# Phases and the canvas summary (CR302–CR306, CR401–CR404).

# model_types is the set of valid relationship types the model's
# relationships have (an invalid type was removed by the loader).
model_types := {r.type | some r in input.relationships; is_string(r.type)}

# tactic_refs is the set of relationship ids that the tactics of every phase
# reference, as written (a dangling id matches no relationship).
tactic_refs := {ref |
	some phase in phases
	some t in object.get(input, phase, [])
	some ref in refs(t, "relationships")
}

# phase_relationships is the set of relationships that the tactics of phase
# reference and that exist (dangling references are CR006's).
phase_relationships(phase) := {r |
	some t in object.get(input, phase, [])
	some r in resolved(t, "relationships", "relationships")
}

# and_join lists strings for a message: "a", "a and b", "a, b and c".
and_join(xs) := xs[0] if {
	count(xs) == 1
} else := sprintf("%s and %s", [concat(", ", array.slice(xs, 0, count(xs) - 1)), xs[count(xs) - 1]]) if {
	count(xs) > 1
}

# plural is "n word" with an s when n is not 1: plural(3, "tactic") is "3 tactics".
plural(n, word) := sprintf("%d %s", [n, word]) if {
	n == 1
} else := sprintf("%d %ss", [n, word])

# ---------------------------------------------------------------------------
# Revenue streams and segments (CR102–CR106, CR207).

# recurring_by_default are the revenue stream types that recur unless the
# stream says recurring = false.
recurring_by_default := {"subscription", "lending", "renting", "licensing"}

# recurring holds when a revenue stream earns again and again: an explicit
# recurring value wins, otherwise its type decides (an invalid type, removed
# by the loader, does not recur).
recurring(stream) if stream.recurring == true

recurring(stream) if {
	not _says_recurring(stream)
	stream.type in recurring_by_default
}

_says_recurring(stream) if is_boolean(stream.recurring)

# stream_serves_all holds when a revenue stream names no segment that
# exists (segments missing, empty, or only dangling ids): it then serves
# every segment.
stream_serves_all(stream) if count(resolved(stream, "segments", "segments")) == 0

# served_segments is the set of segment ids that some relationship lists,
# as written (a dangling id matches no segment).
served_segments := {s | some r in input.relationships; some s in refs(r, "segments")}

# ---------------------------------------------------------------------------
# Alignment with channels and value propositions (CR211, CR212).

# item_segments[block][id] is the set of existing segment ids an item of
# channels or value_propositions serves, built once per model. An empty set
# means the item serves every segment: its segments are missing, empty,
# wrong-typed or name nothing that exists.
item_segments := {block: {id: segs |
	some id, item in by_id[block]
	segs := {s | some s in refs(item, "segments"); by_id.segments[s]}
} |
	some block in {"channels", "value_propositions"}
}

# linked_ids is the set of the ids of block that relationship r links and
# that exist.
linked_ids(r, block) := {id | some id in refs(r, block); by_id[block][id]}

# unreached is the set of [j, s] for each segment s that relationship r
# serves (its j-th reference, the first when listed twice) and that none of
# the items of block it links serves. Empty when it links none that exists,
# or one that serves every segment. The segments reached are gathered with
# set operations, which run as single builtins, so the work is linear in
# what the relationship and its items write: a loop over each segment and
# each linked item was quadratic (one relationship naming 4,000 segments
# and 4,000 channels took 100 s). The first indices are looked up only
# when a segment is missed.
unreached(r, block) := {[firsts[s], s] |
	linked := linked_ids(r, block)
	count(linked) > 0
	not _links_all(linked, block)
	segs := refs(r, "segments")
	wanted := {s | some s in segs; by_id.segments[s]}
	missed := wanted - union({(item_segments[block][id] & wanted) | some id in linked})
	count(missed) > 0
	firsts := first_index(segs)
	some s in missed
}

# first_index maps each string of arr to the index where it first appears,
# in one pass: object.union_n lets a later object win a key, and the objects
# are given from the end, so the first index is the one kept.
first_index(arr) := object.union_n([{arr[k]: k} |
	some k in numbers.range(count(arr) - 1, 0)
	is_string(arr[k])
])

_links_all(linked, block) if {
	some id in linked
	count(item_segments[block][id]) == 0
}

# quoted_list renders ids for a message: "a", "b".
quoted_list(ids) := concat(", ", [sprintf("%q", [id]) | some id in ids])

# id_list renders a set of ids for a message, sorted: "a", "b"; past five,
# the first five and how many more, so that a message stays short however
# many ids an item links.
id_list(ids) := quoted_list(sort(ids)) if {
	count(ids) <= 5
} else := sprintf("%s and %d more", [quoted_list(array.slice(sort(ids), 0, 5)), count(ids) - 5])

# ---------------------------------------------------------------------------
# Motivations (CR303, CR307, CR308).

# unmotivated holds for a relationship that CR303 reports: it has a usable
# id, declares no motivation (motivations absent or [], not invalid) and no
# tactic references it.
unmotivated(r) if {
	is_string(r.id)
	unlinked(r, "motivations")
	not tactic_referenced(r)
}

# tactic_referenced holds when a tactic of any phase references r; the
# second of a duplicated id is never referenced.
tactic_referenced(r) if {
	referable(r)
	r.id in tactic_refs
}

# keep_refs is the set of relationship ids that keep tactics reference.
keep_refs := {ref | some t in input.keep; some ref in refs(t, "relationships")}
