package model

import (
	"fmt"

	"github.com/pelletier/go-toml/v2/unstable"
)

// go-toml's decoder checks each key against a list of every key it has seen
// (its SeenTracker), scanning from the key's table to the end of the list:
// a file of N distinct keys in one table costs N² steps, and 87,000
// top-level keys (1 MiB) took a minute. keyCost replays that bookkeeping in
// linear time, with a map per table, and counts the steps go-toml's scan
// would take; a file over maxKeySteps is refused before go-toml sees it.
// Items of arrays of tables, however many, cost little: go-toml forgets an
// item's keys when the next item starts.

// maxKeySteps is the most key comparisons the decoder may make, about half
// a second. A real model needs a few per key: 60,000 relationships as an
// array of tables take about 10 million.
const maxKeySteps = 200_000_000

// keyCostMinBytes is the size below which no file can reach maxKeySteps
// (a key takes at least 4 bytes: "a=1\n").
const keyCostMinBytes = 64 << 10

// KeyCostError is a file whose keys would take the decoder more than
// linear time. Offset is where the limit was reached.
type KeyCostError struct{ Offset int }

func (e *KeyCostError) Error() string {
	return fmt.Sprintf("too many keys in one table: checking them would take more than %d comparisons (a table of a real model has a few dozen keys; an array of tables may have any number of items)", maxKeySteps)
}

// keyNode is one key the decoder keeps: a table, an array of tables, a
// value, or an anonymous array element.
type keyNode struct {
	parent *keyNode
	named  map[string]*keyNode
	kids   []*keyNode // every child, anonymous ones included
	seq    int        // its place in the decoder's list
	array  bool       // an array of tables
}

// keyCost replays the decoder's key bookkeeping over text. The decoder's
// list holds the kept keys in the order they came; a lookup under a table
// scans every kept key that came after it, which kept counts.
type keyCost struct {
	kept    fenwick
	seq     int
	steps   int
	root    *keyNode
	current *keyNode
}

// CheckKeyCost returns a *KeyCostError when decoding text would cost more
// than maxKeySteps key comparisons, or nil. It stops quietly at a syntax
// error, where the decoder stops too. It takes O(n log n) time.
func CheckKeyCost(text []byte) error {
	if len(text) < keyCostMinBytes {
		return nil
	}
	k := &keyCost{root: &keyNode{}}
	k.kept.add(0, 1)
	k.current = k.root
	p := unstable.Parser{}
	p.Reset(text)
	for p.NextExpression() {
		n := p.Expression()
		switch n.Kind {
		case unstable.KeyValue:
			k.keyValue(k.current, n)
		case unstable.Table, unstable.ArrayTable:
			k.header(n)
		}
		if k.steps > maxKeySteps {
			key := n.Key()
			key.Next()
			return &KeyCostError{Offset: int(key.Node().Raw.Offset)}
		}
	}
	return nil
}

// find looks a name up, counting the scan the decoder would make.
func (k *keyCost) find(parent *keyNode, name []byte) *keyNode {
	k.steps += k.kept.after(parent.seq)
	return parent.named[string(name)]
}

// create keeps a new key (an anonymous one when name is nil).
func (k *keyCost) create(parent *keyNode, name []byte, array bool) *keyNode {
	k.seq++
	n := &keyNode{parent: parent, array: array, seq: k.seq}
	if name != nil {
		if parent.named == nil {
			parent.named = map[string]*keyNode{}
		}
		parent.named[string(name)] = n
	}
	parent.kids = append(parent.kids, n)
	k.kept.add(n.seq, 1)
	return n
}

// clear forgets the keys below an array of tables, as the decoder does when
// its next item starts. Each key is forgotten at most once.
func (k *keyCost) clear(n *keyNode) {
	stack := append([]*keyNode(nil), n.kids...)
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = append(stack[:len(stack)-1], c.kids...)
		k.kept.add(c.seq, -1)
	}
	n.named, n.kids = nil, nil
}

// fenwick counts kept keys by their place in the list, growing as needed.
type fenwick struct{ tree []int32 }

// add adds d at place i.
func (f *fenwick) add(i int, d int32) {
	if i >= len(f.tree) {
		f.grow(i)
	}
	for i++; i <= len(f.tree); i += i & -i {
		f.tree[i-1] += d
	}
}

// upTo counts the keys at places 0..i.
func (f *fenwick) upTo(i int) int {
	n := 0
	for i = min(i+1, len(f.tree)); i > 0; i -= i & -i {
		n += int(f.tree[i-1])
	}
	return n
}

// after counts the keys after place i.
func (f *fenwick) after(i int) int { return f.upTo(len(f.tree)-1) - f.upTo(i) }

// grow doubles the tree until it holds place i, rebuilding it from the
// counts at each place.
func (f *fenwick) grow(i int) {
	size := max(1024, len(f.tree))
	for size <= i {
		size *= 2
	}
	counts := make([]int32, size)
	for j := range f.tree {
		counts[j] = int32(f.upTo(j) - f.upTo(j-1))
	}
	f.tree = make([]int32, size)
	for j, c := range counts {
		if c != 0 {
			for x := j + 1; x <= size; x += x & -x {
				f.tree[x-1] += c
			}
		}
	}
}

func (k *keyCost) header(n *unstable.Node) {
	parent := k.root
	it := n.Key()
	for it.Next() {
		name := it.Node().Data
		i := k.find(parent, name)
		if it.IsLast() {
			switch {
			case i == nil:
				i = k.create(parent, name, n.Kind == unstable.ArrayTable)
			case n.Kind == unstable.ArrayTable && i.array:
				k.clear(i)
			}
			k.current = i
			return
		}
		if i == nil {
			i = k.create(parent, name, false)
		}
		parent = i
	}
}

func (k *keyCost) keyValue(parent *keyNode, n *unstable.Node) {
	it := n.Key()
	for it.Next() {
		name := it.Node().Data
		i := k.find(parent, name)
		if it.IsLast() {
			if i == nil {
				i = k.create(parent, name, false)
			}
			k.value(i, n.Value())
			return
		}
		if i == nil {
			i = k.create(parent, name, false)
		}
		parent = i
	}
}

// value replays the keys of inline tables, and the anonymous elements of
// arrays that hold tables or arrays. Nesting is at most MaxDepth deep here.
func (k *keyCost) value(id *keyNode, v *unstable.Node) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				k.keyValue(id, c)
			}
		}
	case unstable.Array:
		it := v.Children()
		for it.Next() {
			if e := it.Node(); e.Kind == unstable.InlineTable || e.Kind == unstable.Array {
				k.value(k.create(id, nil, false), e)
			}
		}
	}
}
