# METADATA
# title: rule-b
# description: Second rule with HOUSE001.
# custom:
#   code: HOUSE001
#   severity: error
package crlint.rules.house["rule-b"]

report contains {"path": [], "message": "b"} if false
