//go:build !race

package lint

// raceMemoryFactor scales a policy worker's memory limit; see race_on.go.
const raceMemoryFactor = 1
