package contacts

import (
	"slices"
)

// indexOf is an index of all (ordered by ID, as the load reads them).
// Values that two or more contacts share become shared words.
func indexOf(all []*Contact) *index {
	x := newIndex()
	x.ws = wordsOf(all)
	x.ids = make([]int64, len(all))
	x.offs = make([]uint32, len(all))
	var buf []byte
	var exact, prefix keySet
	for i, c := range all {
		x.ids[i], x.offs[i] = c.ID, uint32(len(buf))
		buf = appendRecord(buf, c, x.ws)
		addKeys(&exact, &prefix, c, uint32(i))
	}
	x.live = len(all)
	x.arena = arena{}.with(string(buf))
	x.built = x.arena.size
	x.exact = (&numKeys{}).merged(nil, &exact)
	x.prefix = (&numKeys{}).merged(nil, &prefix)
	x.countLens()
	return x
}

// wordsOf picks the values to share: those that occur twice or more.
func wordsOf(all []*Contact) *sharedWords {
	seen := make(map[string]bool, len(all))
	ws := newWords()
	one := func(s string) {
		if len(s) < 2 {
			return
		}
		if seen[s] {
			ws.add(s)
		} else {
			seen[s] = true
		}
	}
	for _, c := range all {
		for _, s := range [...]string{c.FirstName, c.LastName, c.Company, c.Street, c.PostalCode, c.City, c.Country, c.Note} {
			one(s)
		}
		for _, n := range c.Numbers {
			one(string(n.Label))
			one(string(n.Unverified))
		}
	}
	return ws
}

// addKeys adds the numbers of c, in slot s, to the keys.
func addKeys(exact, prefix *keySet, c *Contact, s uint32) {
	for _, n := range c.Numbers {
		k := n.key()
		if !n.Switchboard {
			exact.add(k, s)
		} else if len(k) <= maxKey {
			prefix.add(k, s)
		}
	}
}

func (x *index) countLens() {
	x.lens = [maxKey + 1]int32{}
	for _, v := range x.prefix.nums {
		x.lens[keyLen(v)]++
	}
	for k := range x.prefix.other {
		x.lens[len(k)]++
	}
}

// with is a new index: x with changed put in (added, or in place of the
// contact with the same ID) and removed taken out. x stays as it is.
func (x *index) with(changed []*Contact, removed []int64) *index {
	last := map[int64]*Contact{}
	for _, c := range changed {
		last[c.ID] = c
	}
	n := &index{ws: x.ws, arena: x.arena, live: x.live, garbage: x.garbage, built: x.built}
	n.ids = slices.Grow(slices.Clone(x.ids), len(last))
	n.offs = slices.Grow(slices.Clone(x.offs), len(last))
	drop := make(slotSet, (len(n.ids)+len(last))/64+1)
	for _, id := range removed {
		if s, ok := x.slotOf(id); ok {
			n.release(s)
			drop.add(s)
		}
	}
	var buf []byte
	var exact, prefix keySet
	for _, c := range changed {
		if last[c.ID] != c {
			continue
		}
		s, ok := n.place(c.ID)
		if !ok {
			return x.rebuilt(changed, removed)
		}
		drop.add(s)
		n.offs[s] = x.arena.size + uint32(len(buf))
		buf = appendRecord(buf, c, n.ws)
		addKeys(&exact, &prefix, c, s)
	}
	n.arena = n.arena.with(string(buf))
	n.exact, n.prefix = x.exact.merged(drop, &exact), x.prefix.merged(drop, &prefix)
	n.countLens()
	return n.compacted()
}
