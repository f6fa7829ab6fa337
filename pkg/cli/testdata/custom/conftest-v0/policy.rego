package main

deny[msg] {
	r := input.relationships[_]
	r.type == "transactional"
	msg := sprintf("relationship %q is transactional", [r.id])
}
