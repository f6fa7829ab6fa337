# METADATA
# title: automated-without-technology
# description: An automated services relationship links no intellectual or physical key resource.
# custom:
#   code: CR204
#   severity: warning
#   hint: 'link the technology it runs on: resources = ["..."] naming a [[key_resources]] item with kind = "intellectual" or "physical"'
#   why: >-
#     Automated services replace people with technology: recommendation
#     algorithms, customer profiles, the software and machines behind them.
#     If the model names no such resource, it has not said what the
#     automation runs on, nor who builds and pays for it.
#   fix: >-
#     Add a [[key_resources]] item for the software, data or equipment (kind =
#     "intellectual" or "physical") and list its id in the relationship's
#     resources.
#   bad: |
#     [[segments]]
#     id = "listeners"
#
#     [[relationships]]
#     id = "recommender"
#     type = "automated_services"
#     segments = ["listeners"]
#   good: |
#     [[segments]]
#     id = "listeners"
#
#     [[key_resources]]
#     id = "taste-model"
#     name = "Recommendation algorithm"
#     kind = "intellectual"
#
#     [[relationships]]
#     id = "recommender"
#     type = "automated_services"
#     segments = ["listeners"]
#     resources = ["taste-model"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Automated relationships use technology to provide services with
#         minimal human intervention.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Key Resources: What resources are necessary to establish and maintain these relationships?"
package crlint.rules.resourcing["automated-without-technology"]

import data.crlint.lib

technology := {"intellectual", "physical"}

report contains finding if {
	some i, r in input.relationships
	r.type == "automated_services"
	not lib.only_dangling(r, "resources", "key_resources")
	not links_technology(r)
	finding := {
		"path": ["relationships", i, "resources"],
		"message": sprintf("%s (automated_services) links no intellectual or physical key resource", [lib.label("relationships", i)]),
	}
}

# A resource with no kind (or an invalid one) is not technology.
links_technology(r) if {
	some res in lib.resolved(r, "resources", "key_resources")
	res.kind in technology
}
