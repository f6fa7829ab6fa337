package main

deny contains msg if {
	[_, errs] := json.match_schema({}, {"$ref": "file:///etc/hostname"})
	msg := sprintf("%v", [errs])
}
