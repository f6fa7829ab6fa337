# METADATA
# title: high-touch-without-resources
# description: A high-touch relationship links no key resource of kind human and no key partner.
# custom:
#   code: CR201
#   severity: error
#   hint: 'link the people who run it: resources = ["..."] naming a [[key_resources]] item with kind = "human", or the partner whose people do: partners = ["..."]'
#   why: >-
#     Personal and dedicated personal assistance are based on human
#     interaction: somebody has to give it. A high-touch relationship that links
#     no human key resource promises people the model does not have, so its
#     staffing is never planned or paid for. A linked key partner satisfies
#     the rule: car makers' dealerships "handle the sales process, provide
#     customer service", so their people give the assistance.
#   guidance:
#     - source: bmc-building-block-definition.txt (Personal assistance)
#       quote: This relationship is based on human interaction.
#     - source: bmc-building-block-definition.txt (Dedicated personal assistance)
#       quote: >-
#         This relationship involves dedicating a customer representative
#         specifically to an individual client.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Key Resources: What resources are necessary to establish and maintain these relationships?"
#     - source: 12-types-and-get-keep-grow.txt (Indirect)
#       quote: >-
#         These dealerships handle the sales process, provide customer
#         service, and manage vehicle maintenance.
#   fix: >-
#     Add a [[key_resources]] item of kind "human" for the people who run the
#     relationship (bankers, agents, account managers) and list its id under the
#     relationship's resources.
#   bad: |
#     [[relationships]]
#     id   = "private-banker"
#     type = "dedicated_personal_assistance"
#     resources = ["crm"]
#
#     [[key_resources]]
#     id   = "crm"
#     kind = "intellectual"
#   good: |
#     [[relationships]]
#     id   = "private-banker"
#     type = "dedicated_personal_assistance"
#     resources = ["crm", "bankers"]
#
#     [[key_resources]]
#     id   = "crm"
#     kind = "intellectual"
#
#     [[key_resources]]
#     id   = "bankers"
#     kind = "human"
package crlint.rules.resourcing["high-touch-without-resources"]

import data.crlint.lib

report contains finding if {
	some i, r in input.relationships
	r.type in lib.high_touch
	not lib.only_dangling(r, "resources", "key_resources")
	not lib.only_dangling(r, "partners", "key_partners")
	not links_people(r)
	count(lib.resolved(r, "partners", "key_partners")) == 0
	finding := {
		"path": ["relationships", i, "resources"],
		"message": sprintf("%s (%s) links no key resource of kind human", [lib.label("relationships", i), r.type]),
		"severity": lib.touch_severity[r.type],
	}
}

links_people(r) if {
	some res in lib.resolved(r, "resources", "key_resources")
	res.kind == "human"
}
