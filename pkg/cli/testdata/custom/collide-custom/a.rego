# METADATA
# title: rule-a
# description: First rule with HOUSE001.
# custom:
#   code: HOUSE001
#   severity: error
package crlint.rules.house["rule-a"]

report contains {"path": [], "message": "a"} if false
