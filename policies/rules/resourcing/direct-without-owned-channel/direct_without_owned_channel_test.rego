package crlint.rules.resourcing["direct-without-owned-channel_test"]

import data.crlint.rules.resourcing["direct-without-owned-channel"] as rule

channels := [
	{"id": "site", "ownership": "owned"},
	{"id": "marketplace", "ownership": "partner"},
	{"id": "popup"},
]

test_fail_only_partner_channels if {
	rule.report == {{
		"path": ["relationships", 0, "channels"],
		"message": `relationship "sales" (direct) links no owned channel`,
	}} with input as {
		"channels": channels,
		"relationships": [{"id": "sales", "type": "direct", "channels": ["marketplace"]}],
	}
}

# A channel with no ownership is not owned; a dangling one is ignored.
test_fail_unknown_ownership_and_dangling if {
	rule.report == {{
		"path": ["relationships", 0, "channels"],
		"message": `relationship "sales" (direct) links no owned channel`,
	}} with input as {
		"channels": channels,
		"relationships": [{"id": "sales", "type": "direct", "channels": ["site-typo", "popup", "marketplace"]}],
	}
}

test_pass_owned_channel if {
	rule.report == set() with input as {
		"channels": channels,
		"relationships": [{"id": "sales", "type": "direct", "channels": ["marketplace", "site"]}],
	}
}

# No channel at all is CR210's finding, not this rule's.
test_pass_no_channels if {
	rule.report == set() with input as {
		"channels": channels,
		"relationships": [{"id": "sales", "type": "direct"}, {"id": "shop", "type": "direct", "channels": []}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {
		"channels": channels,
		"relationships": [{"id": "sales", "type": "direct", "channels": ["stie"]}],
	}
}

test_pass_other_types if {
	rule.report == set() with input as {
		"channels": channels,
		"relationships": [{"id": "dealers", "type": "indirect", "channels": ["marketplace"]}, {"id": "typo", "channels": ["marketplace"]}],
	}
}

# v2: a channel whose ownership is invalid (CR003) is invisible to the rule;
# with no visible channel left, nothing is judged.
test_pass_invalid_ownership_invisible if {
	rule.report == set() with input as {
		"relationships": [{"id": "shop", "type": "direct", "channels": ["web"]}],
		"channels": [{"id": "web", "_invalid": {"ownership": true}}],
	}
}

test_fail_other_channel_visible if {
	rule.report == {{"path": ["relationships", 0, "channels"], "message": `relationship "shop" (direct) links no owned channel`}} with input as {
		"relationships": [{"id": "shop", "type": "direct", "channels": ["web", "dealer"]}],
		"channels": [{"id": "web", "_invalid": {"ownership": true}}, {"id": "dealer", "ownership": "partner"}],
	}
}
