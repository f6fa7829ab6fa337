package model

// Locate turns a key path into the position a finding shows, following
// SPEC §2: a scalar points at its value, an array or table at its key, an
// item at its id key (a tactic at its tactic key, anything else at its
// header or opening brace), an array of items at its first item, and a path
// that is not written at the nearest written item that holds it — or at 1:1
// when nothing holding it is written.
func (d *Document) Locate(p Path, at Target) Pos {
	ix := d.Index()
	if ix == nil {
		return Pos{1, 1}
	}
	for n := len(p); n > 0; n-- {
		q := p[:n]
		e, ok := ix.Lookup(q)
		if !ok {
			// An array of tables may be indexed by its elements alone.
			first := append(q[:n:n], 0)
			if f, ok := ix.Lookup(first); ok && n == len(p) && f.Kind == KindTable {
				return d.itemOrKey(first, f)
			}
			continue
		}
		if n < len(p) {
			// The path's own key is not written; point at what holds it.
			return d.itemOrKey(q, e)
		}
		switch {
		case at == AtKey:
			return e.Key
		case at == AtValue:
			return e.Value
		case e.Kind == KindScalar:
			return e.Value
		}
		return d.itemOrKey(q, e)
	}
	return Pos{1, 1}
}

// itemOrKey positions a written table or array: an item by its id, a list of
// items by its first item, anything else by its key.
func (d *Document) itemOrKey(p Path, e Entry) Pos {
	ix := d.Index()
	if _, isIndex := p[len(p)-1].(int); isIndex && e.Kind == KindTable {
		for _, k := range []string{"id", "tactic"} {
			if id, ok := ix.Lookup(append(p[:len(p):len(p)], k)); ok {
				return id.Key
			}
		}
		return e.Value
	}
	if e.Kind == KindArray {
		first := append(p[:len(p):len(p)], 0)
		if f, ok := ix.Lookup(first); ok && f.Kind == KindTable {
			return d.itemOrKey(first, f)
		}
	}
	return e.Key
}
