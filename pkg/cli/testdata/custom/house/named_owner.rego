# METADATA
# title: relationship-without-owner
# description: A relationship does not say who owns it.
# custom:
#   code: HOUSE900
#   severity: warning
#   hint: 'say who owns it: description = "owner: ..."'
package crlint.rules.house["relationship-without-owner"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	not contains(object.get(r, "description", ""), "owner:")
	finding := {
		"path": ["relationships", i],
		"message": sprintf("%s does not name its owner", [lib.label("relationships", i)]),
	}
}
