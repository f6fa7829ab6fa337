# METADATA
# title: keep-relies-on-transactional
# description: Every relationship that keep tactics reference is transactional.
# custom:
#   code: CR305
#   severity: warning
#   hint: 'reference a relationship that builds loyalty from a [[keep]] tactic: relationships = ["..."]'
#   why: >-
#     A transactional relationship is no real relationship: the customer buys
#     and leaves. Retention built only on transactions has nothing to hold
#     customers with, and the guidance names minimal loyalty as its main
#     drawback.
#   guidance:
#     - source: nine-types-with-examples.txt
#       quote: >-
#         Transactional: This means there is no real relationship between the
#         company and the customer.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Disadvantages: Lack of depth, minimal customer loyalty.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Keep: Retain customers by providing excellent service, engaging with
#         them regularly, and creating loyalty programs. The goal is to keep them
#         satisfied and loyal.
#   fix: >-
#     Give the keep phase a tactic that uses a relationship with some depth
#     (long-term service, a community, automated services that remember the
#     customer), or reconsider whether the keep tactics really retain anyone.
#   bad: |
#     [[relationships]]
#     id   = "kiosk"
#     type = "transactional"
#
#     [[keep]]
#     tactic        = "Discount voucher on the receipt"
#     relationships = ["kiosk"]
#   good: |
#     [[relationships]]
#     id   = "kiosk"
#     type = "transactional"
#
#     [[relationships]]
#     id   = "club"
#     type = "community"
#
#     [[keep]]
#     tactic        = "Members' club with monthly tastings"
#     relationships = ["club", "kiosk"]
package crlint.rules.phases["keep-relies-on-transactional"]

import data.crlint.lib

# Only relationships that exist and have a valid type are judged, and at
# least one is needed.
report contains finding if {
	typed := {r | some r in lib.phase_relationships("keep"); is_string(r.type)}
	{r.type | some r in typed} == {"transactional"}
	ids := sort({sprintf("%q", [r.id]) | some r in typed})
	finding := {
		"path": ["keep"],
		"message": sprintf(
			"the keep phase relies on transactions alone: every relationship its tactics reference (%s) is transactional",
			[concat(", ", ids)],
		),
	}
}
