# METADATA
# title: my-costs
# description: Shadows a built-in code.
# custom:
#   code: CR202
#   severity: error
package crlint.rules.house["my-costs"]

report contains {"path": [], "message": "never"} if false
