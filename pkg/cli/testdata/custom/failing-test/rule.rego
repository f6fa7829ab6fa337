# METADATA
# title: always-quiet
# description: Never reports anything.
# custom:
#   code: HOUSE950
#   severity: info
package crlint.rules.house["always-quiet"]

report contains {"path": [], "message": "never"} if false
