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

# by_id[block][id] is the item of block with that id. The loader removes the
# id of a duplicate (CR005), so ids are unique here.
by_id[block] := {item.id: item | some item in input[block]; is_string(item.id)} if some block in id_blocks

# refs is the array of references an item writes under key ([] when absent).
refs(item, key) := object.get(item, key, [])

# resolved is the set of items of block that the references under key name.
# A reference that names nothing is reported by CR006 and otherwise ignored.
resolved(item, key, block) := {target |
	some ref in refs(item, key)
	target := by_id[block][ref]
}

# unlinked holds when an item writes no reference under key (absent or []).
unlinked(item, key) if count(refs(item, key)) == 0

# only_dangling holds when every reference under key names nothing: CR006
# reports those alone, so rules about missing links stay quiet.
only_dangling(item, key, block) if {
	count(refs(item, key)) > 0
	count(resolved(item, key, block)) == 0
}

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
