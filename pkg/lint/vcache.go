package lint

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// itemCache is topdown's virtual document cache, except for the results of
// function calls with a composite argument (an object, array or set:
// lib.refs(item, "segments"), lib.label(...) of an item). topdown would
// keep every such result for the whole evaluation, keyed by the item, so a
// model's cache held each of its items once per function: on a model of
// 60,000 relationships that was a sixth of the CPU time and of the peak
// memory, for functions that cost about as much to run as to look up.
// Rules (by_id, tactic_refs, ...) and functions of scalars
// (phase_relationships("keep"), option(...)) are cached as before: those
// are what a rule may call once per item of another block, where caching
// turns quadratic work into linear. The built-in rules call no function of
// an item that costs more than the item's size; custom policies, which
// may, keep the whole cache (Engine.cacheAll).
type itemCache struct{ topdown.VirtualCache }

func newItemCache() itemCache { return itemCache{topdown.NewVirtualCache()} }

func (c itemCache) Get(ref ast.Ref) (*ast.Term, bool) {
	if itemCall(ref) {
		return nil, false
	}
	return c.VirtualCache.Get(ref)
}

func (c itemCache) Put(ref ast.Ref, v *ast.Term) {
	if !itemCall(ref) {
		c.VirtualCache.Put(ref, v)
	}
}

// itemCall reports whether ref is the cache key of a function call (the
// function's own reference, then its arguments) with a composite argument.
func itemCall(ref ast.Ref) bool {
	if len(ref) < 2 {
		return false
	}
	if _, ok := ref[0].Value.(ast.Ref); !ok {
		return false
	}
	for _, t := range ref[1:] {
		switch t.Value.(type) {
		case ast.Object, *ast.Array, ast.Set:
			return true
		}
	}
	return false
}
