package main

deny contains msg if {
	n := count([x | some x in numbers.range(1, 100000000)])
	msg := sprintf("counted %d", [n])
}
