package model

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// fixKey gives the CR002 problem just reported for key path p the fix
// respelling its key as one of candidates, when exactly one fits and the
// key is named in one place only. A key that several headers or dotted keys
// name ([[segmets]] twice, [segmets] and [segmets.x]) is one finding but
// several spellings: respelling only the first would split the table.
func (v *validator) fixKey(p Path, candidates []string) {
	if f := fixFor(p[len(p)-1].(string), candidates); f != nil && v.namedOnce(p) {
		v.doc.Problems[len(v.doc.Problems)-1].Fix = f
	}
}

// keyNames tells, for each written path, where it is first named and which
// headers or dotted keys name the paths below it. It is built once per
// document, so that checking every unknown key is linear in the document
// (rebuilding the node list for each of 4,000 misspelt keys took 11 s).
type keyNames struct {
	first map[string]int // path → start of the key that first names it
	// below maps a path to the start of one header or dotted key that
	// names a path below it, and whether another one does too.
	below map[string]namer
}

type namer struct {
	start   int
	another bool
}

// pathKey encodes a path as a map key: keys quoted, indices bare.
func pathKey(p Path) string {
	var b strings.Builder
	for _, e := range p {
		switch x := e.(type) {
		case string:
			b.WriteString(strconv.Quote(x))
		case int:
			b.WriteString(strconv.Itoa(x))
		default:
			b.WriteString(fmt.Sprint(x))
		}
		b.WriteByte('/')
	}
	return b.String()
}

func newKeyNames(ix *Index) *keyNames {
	k := &keyNames{first: map[string]int{}, below: map[string]namer{}}
	for _, n := range ix.Nodes() {
		own := pathKey(n.Path)
		if _, seen := k.first[own]; !seen {
			k.first[own] = n.Key.Start
		}
		key := ix.src[n.Key.Start:n.Key.End]
		if !bytes.HasPrefix(key, []byte("[")) && !bytes.ContainsRune(key, '.') {
			continue
		}
		for l := range len(n.Path) {
			q := pathKey(n.Path[:l])
			switch m, ok := k.below[q]; {
			case !ok:
				k.below[q] = namer{start: n.Key.Start}
			case m.start != n.Key.Start && !m.another:
				k.below[q] = namer{start: m.start, another: true}
			}
		}
	}
	return k
}

// namedOnce reports whether every header or dotted key that defines key
// path p or a table below it is the one that first names p.
func (v *validator) namedOnce(p Path) bool {
	if v.keyNames == nil {
		ix := v.doc.Index()
		if ix == nil {
			return false
		}
		v.keyNames = newKeyNames(ix)
	}
	q := pathKey(p)
	own, ok := v.keyNames.first[q]
	if !ok {
		return false
	}
	m, ok := v.keyNames.below[q]
	return !ok || (!m.another && m.start == own)
}
