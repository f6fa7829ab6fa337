package main

deny contains msg if {
	msg := sprintf("HOME is %v", [opa.runtime().env.HOME])
}
