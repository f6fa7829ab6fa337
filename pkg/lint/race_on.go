//go:build race

package lint

// raceMemoryFactor scales a policy worker's memory limit in a binary built
// with -race, whose race detector keeps shadow memory several times the
// heap, inside the same limit: the tests run so.
const raceMemoryFactor = 8
