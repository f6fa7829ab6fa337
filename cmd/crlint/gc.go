package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// gcMemoryLimit is the heap size at which garbage collection starts.
const gcMemoryLimit = 48 << 20

// tuneGC turns the collector off until the heap reaches gcMemoryLimit: a
// check is a short-lived process, and collecting garbage during it mostly
// wastes time; a run over thousands of small models then collects at the
// limit and stays flat. When what survives a collection is itself near the
// limit (one very large model), collecting at the limit would run the
// collector back to back, so it goes back to Go's usual pacing (GOGC=100,
// no limit) for the rest of the run.
func tuneGC() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcMemoryLimit)
	watchGC(func(live uint64) bool {
		if live < gcMemoryLimit/2 {
			return true // keep watching
		}
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		return false
	})
}

// watchGC calls after with the heap that the last garbage collection found
// live, after every collection, until it returns false. It rides on a
// finalizer, which the runtime runs once the collection that freed its
// object is done.
func watchGC(after func(live uint64) bool) {
	type sentinel struct{ _ [16]byte }
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 || after(sample[0].Value.Uint64()) {
				arm()
			}
		})
	}
	arm()
}
