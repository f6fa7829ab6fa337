package crlint.lib_revenue_test

import data.crlint.lib

test_recurring_defaults if {
	lib.recurring({"type": "subscription"})
	lib.recurring({"type": "licensing"})
	not lib.recurring({"type": "asset_sale"})
	not lib.recurring({"id": "invalid-type-removed"})
}

test_recurring_explicit_wins if {
	lib.recurring({"type": "usage_fee", "recurring": true})
	not lib.recurring({"type": "subscription", "recurring": false})
}

test_stream_serves_all if {
	model := {"segments": [{"id": "smb"}]}
	lib.stream_serves_all({"id": "s"}) with input as model
	lib.stream_serves_all({"id": "s", "segments": []}) with input as model
	lib.stream_serves_all({"id": "s", "segments": ["ghost"]}) with input as model
	not lib.stream_serves_all({"id": "s", "segments": ["ghost", "smb"]}) with input as model
}

test_served_segments if {
	lib.served_segments == {"smb", "ghost"} with input as {"relationships": [
		{"id": "a", "segments": ["smb"]},
		{"id": "b", "segments": ["ghost", "smb"]},
		{"id": "c"},
	]}
}
