# METADATA
# title: dedicated-needs-sign-off
# description: A dedicated personal assistance relationship has no director sign-off.
# custom:
#   code: HOUSE001
#   severity: error
#   hint: 'record it in the description: description = "... sign-off: A. Director, 2026-03-01"'
#   why: >-
#     A dedicated relationship puts a named person on every customer: it is
#     the most expensive relationship there is, and at our company a director
#     signs it off before it goes into a plan. The model format has no
#     sign-off field, so the sign-off is recorded in the relationship's
#     description as "sign-off: NAME, DATE".
#   fix: >-
#     Ask a director to review the relationship and add "sign-off: NAME,
#     DATE" to its description.
#   bad: |
#     [[relationships]]
#     id          = "private-banker"
#     type        = "dedicated_personal_assistance"
#     description = "A named banker for every client"
#   good: |
#     [[relationships]]
#     id          = "private-banker"
#     type        = "dedicated_personal_assistance"
#     description = "A named banker for every client. sign-off: M. Okafor, 2026-03-01"
package crlint.rules.house["dedicated-needs-sign-off"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	r.type == "dedicated_personal_assistance"
	not signed_off(r)
	finding := {
		"path": sign_off_path(r, i),
		"message": sprintf("%s (dedicated_personal_assistance) has no director sign-off", [lib.label("relationships", i)]),
	}
}

# signed_off holds when the description records who signed the relationship
# off: "sign-off:" followed by a name.
signed_off(r) if regex.match(`(?i)\bsign-off:\s*\S`, r.description)

# sign_off_path points at the description when one is written (that is
# where the sign-off goes), otherwise at the relationship's id.
sign_off_path(r, i) := ["relationships", i, "description"] if {
	is_string(r.description)
} else := ["relationships", i]
