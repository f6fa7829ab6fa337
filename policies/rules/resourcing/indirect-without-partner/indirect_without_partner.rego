# METADATA
# title: indirect-without-partner
# description: An indirect relationship links no key partner.
# custom:
#   code: CR205
#   severity: error
#   hint: 'name the intermediaries: partners = ["..."] naming [[key_partners]] items'
#   why: >-
#     An indirect relationship is one that distributors, retailers or dealers
#     hold with the customer on the company's behalf. Without a key partner
#     the model names nobody who does that, so the relationship has no one to
#     carry it.
#   fix: >-
#     Add the intermediaries as [[key_partners]] items (role = "distributor"
#     or "reseller", for instance) and list their ids in the relationship's
#     partners, or change the type if the company deals with customers
#     itself.
#   bad: |
#     [[segments]]
#     id = "drivers"
#
#     [[relationships]]
#     id = "dealers"
#     type = "indirect"
#     segments = ["drivers"]
#   good: |
#     [[segments]]
#     id = "drivers"
#
#     [[key_partners]]
#     id = "dealer-network"
#     name = "Franchised dealerships"
#     role = "distributor"
#
#     [[relationships]]
#     id = "dealers"
#     type = "indirect"
#     segments = ["drivers"]
#     partners = ["dealer-network"]
#   guidance:
#     - source: 12-types-and-get-keep-grow.txt
#       quote: >-
#         Indirect relationships involve intermediaries such as distributors or
#         retailers. This model expands market reach by leveraging partners'
#         networks but may result in less direct control over the customer
#         experience.
#     - source: 12-types-and-get-keep-grow.txt
#       quote: "Key Partnerships: Will you need to form new partnerships to support these relationships?"
package crlint.rules.resourcing["indirect-without-partner"]

import data.crlint.lib

# Any partner that exists counts; partners that all dangle are CR006's.
report contains finding if {
	some i, r in input.relationships
	r.type == "indirect"
	lib.unlinked(r, "partners")
	finding := {
		"path": ["relationships", i, "partners"],
		"message": sprintf("%s (indirect) links no key partner", [lib.label("relationships", i)]),
	}
}
