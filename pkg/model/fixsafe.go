package model

import "bytes"

// fixKey gives the CR002 problem just reported for key path p the fix
// respelling its key as one of candidates, when exactly one fits and the
// key is named in one place only. A key that several headers or dotted keys
// name ([[segmets]] twice, [segmets] and [segmets.x]) is one finding but
// several spellings: respelling only the first would split the table.
func (v *validator) fixKey(p Path, candidates []string) {
	if f := fixFor(p[len(p)-1].(string), candidates); f != nil && v.doc.namedOnce(p) {
		v.doc.Problems[len(v.doc.Problems)-1].Fix = f
	}
}

// namedOnce reports whether every header or dotted key that defines key
// path p or a table below it is the one that first names p.
func (d *Document) namedOnce(p Path) bool {
	ix := d.Index()
	if ix == nil {
		return false
	}
	nodes := ix.Nodes()
	own := -1
	for _, n := range nodes {
		if pathEqual(n.Path, p) {
			own = n.Key.Start
			break
		}
	}
	if own < 0 {
		return false
	}
	for _, n := range nodes {
		if len(n.Path) <= len(p) || !pathEqual(n.Path[:len(p)], p) || n.Key.Start == own {
			continue
		}
		key := ix.src[n.Key.Start:n.Key.End]
		if bytes.HasPrefix(key, []byte("[")) || bytes.ContainsRune(key, '.') {
			return false
		}
	}
	return true
}

func pathEqual(a, b Path) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
