package model

// ValidID reports whether s may be an item's id: [a-z0-9][a-z0-9_-]*
// (SPEC §1). Editors check a new id with it before renaming.
func ValidID(s string) bool { return idPattern.MatchString(s) }
