package model

// Target says which part of a written path a problem points at.
type Target int

const (
	// AtAuto points at a scalar's value, at an array's or table's key, and at
	// an item's id (or tactic, or header) — SPEC §2.
	AtAuto Target = iota
	// AtKey points at the key even when its value is a scalar.
	AtKey
	// AtValue points at the value even when it is an array or table.
	AtValue
)

// Problem is a finding of the loader (CR001–CR006) before it is positioned.
type Problem struct {
	Code    string
	Path    Path
	At      Target
	Message string
	Hint    string
	// Pos is set when the position is known without the index (CR001).
	Pos Pos
	// Fix is the problem's safe fix, if it has one (SPEC §5).
	Fix *Fix
}

// Fix is a safe fix: the key or string value the problem points at, written
// From, is respelt To.
type Fix struct{ From, To string }
