package crlint.rules.phases["keep-relies-on-transactional_test"]

import data.crlint.rules.phases["keep-relies-on-transactional"] as rule

test_fail_only_transactional if {
	rule.report == {{
		"path": ["keep"],
		"message": `the keep phase relies on transactions alone: every relationship its tactics reference ("kiosk", "web-shop") is transactional`,
	}} with input as {
		"relationships": [
			{"id": "kiosk", "type": "transactional"},
			{"id": "web-shop", "type": "transactional"},
			{"id": "club", "type": "community"},
		],
		"grow": [{"tactic": "Members' club", "relationships": ["club"]}],
		"keep": [
			{"tactic": "Voucher", "relationships": ["kiosk"]},
			{"tactic": "Reorder button", "relationships": ["web-shop", "kiosk"]},
			{"tactic": "Newsletter", "relationships": []},
		],
	}
}

test_pass_another_type_too if {
	rule.report == set() with input as {
		"relationships": [{"id": "kiosk", "type": "transactional"}, {"id": "club", "type": "community"}],
		"keep": [{"tactic": "Club", "relationships": ["club", "kiosk"]}],
	}
}

# Dangling references are ignored: the relationships that exist decide.
test_fail_dangling_reference_ignored if {
	rule.report == {{
		"path": ["keep"],
		"message": `the keep phase relies on transactions alone: every relationship its tactics reference ("kiosk") is transactional`,
	}} with input as {
		"relationships": [{"id": "kiosk", "type": "transactional"}],
		"keep": [{"tactic": "Voucher", "relationships": ["kiosk"]}, {"tactic": "Club", "relationships": ["clbu"]}],
	}
}

# A relationship with an invalid type is invisible.
test_fail_invalid_type_invisible if {
	rule.report == {{
		"path": ["keep"],
		"message": `the keep phase relies on transactions alone: every relationship its tactics reference ("kiosk") is transactional`,
	}} with input as {
		"relationships": [{"id": "kiosk", "type": "transactional"}, {"id": "club"}],
		"keep": [{"tactic": "Voucher", "relationships": ["kiosk", "club"]}],
	}
}

# At least one referenced relationship with a valid type is needed.
test_pass_no_typed_relationship if {
	rule.report == set() with input as {
		"relationships": [{"id": "club"}],
		"keep": [{"tactic": "Club", "relationships": ["club"]}],
	}
}

test_pass_only_dangling if {
	rule.report == set() with input as {
		"relationships": [{"id": "kiosk", "type": "transactional"}],
		"keep": [{"tactic": "Voucher", "relationships": ["kisok"]}],
	}
}

test_pass_transactional_outside_keep if {
	rule.report == set() with input as {
		"relationships": [{"id": "kiosk", "type": "transactional"}],
		"get": [{"tactic": "Street stand", "relationships": ["kiosk"]}],
	}
}
