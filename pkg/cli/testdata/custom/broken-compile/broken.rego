package main

deny contains msg if {
	msg := unknown_thing
}

warn contains msg if {
	msg := other_unknown
}
