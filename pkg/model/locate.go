package model

// Locate turns a key path into the position a finding shows, following
// SPEC §2 and the v2 fine points of §3: a scalar points at its value (a
// blank string, a field written but empty, at its key), an array or table at
// its key, an item at its anchor (see anchor), an array of items at its
// first table entry, and a path that is not written at the nearest written
// item that holds it — or at 1:1 when nothing holding it is written.
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
		case e.Kind == KindScalar && e.Blank:
			return e.Key
		case e.Kind == KindScalar:
			return e.Value
		}
		return d.itemOrKey(q, e)
	}
	return Pos{1, 1}
}

// itemOrKey positions a written table or array: an item by its anchor, a
// list of items by its first table entry, anything else by its key.
func (d *Document) itemOrKey(p Path, e Entry) Pos {
	ix := d.Index()
	if _, isIndex := p[len(p)-1].(int); isIndex && e.Kind == KindTable {
		return d.anchor(p, e)
	}
	if e.Kind == KindArray {
		// A phase's anchor is the tactic key of its first table entry,
		// past entries that are no table (CR003).
		for i := 0; ; i++ {
			el := append(p[:len(p):len(p)], i)
			f, ok := ix.Lookup(el)
			if !ok {
				break
			}
			if f.Kind == KindTable {
				return d.itemOrKey(el, f)
			}
		}
	}
	if e.Kind == KindTable {
		return header(e)
	}
	return e.Key
}

// header is where a table is introduced: a [table] header's '[' (its Value,
// before its key), the key naming a table written inline (before its '{'),
// the dotted key defining one (Key and Value are one place).
func header(e Entry) Pos {
	if e.Value.Line < e.Key.Line || (e.Value.Line == e.Key.Line && e.Value.Col < e.Key.Col) {
		return e.Value
	}
	return e.Key
}

// anchor positions item p as a whole (SPEC §3): an item of the nine blocks
// at its id key, a tactic at its tactic key, else at its header (an inline
// item at its opening brace). A stray tactic key on a block item, or a stray
// id on a tactic, is never an anchor.
func (d *Document) anchor(p Path, e Entry) Pos {
	if len(p) == 2 {
		if name, ok := p[0].(string); ok {
			if b := BlockByName(name); b != nil {
				key := "tactic"
				if b.HasID {
					key = "id"
				}
				if _, tactic := b.Field("tactic"); b.HasID || tactic {
					if k, ok := d.Index().Lookup(append(p[:2:2], key)); ok {
						return k.Key
					}
				}
			}
		}
	}
	return e.Value
}
