package contacts

import (
	"cmp"
	"slices"
)

// release marks slot s removed, its record garbage.
func (x *index) release(s uint32) {
	if x.offs[s] == gone {
		return
	}
	if rec, err := x.arena.record(x.offs[s]); err == nil {
		x.garbage += len(rec) + 1
	}
	x.offs[s] = gone
	x.live--
}

// place is the slot for the contact with the given ID: its own, or a
// new one after the last. It fails for a new ID below the last one,
// which the index cannot take in order (see rebuilt).
func (x *index) place(id int64) (uint32, bool) {
	i, found := slices.BinarySearch(x.ids, id)
	if found {
		x.release(uint32(i))
		x.live++
		return uint32(i), true
	}
	if i != len(x.ids) {
		return 0, false
	}
	x.ids = append(x.ids, id)
	x.offs = append(x.offs, gone)
	x.live++
	return uint32(i), true
}

// maxChunks and the garbage share bound how much a series of small
// changes makes the arena grow before compacted rewrites it.
const maxChunks = 64

// compacted is x, or an index built afresh from its contacts when
// removed slots or replaced records take much room, or when the records
// added since the last build doubled the arena: they were written
// without shared words (see indexOf), which a large import repeats.
func (x *index) compacted() *index {
	dead := len(x.ids) - x.live
	if len(x.arena.chunks) <= maxChunks && x.garbage <= int(x.arena.size)/2 && dead <= x.live/4+64 &&
		x.arena.size <= 2*x.built+1<<16 {
		return x
	}
	return x.rebuilt(nil, nil)
}

// rebuilt is a new index of x's contacts with changed put in and
// removed taken out, every contact decoded and written again.
func (x *index) rebuilt(changed []*Contact, removed []int64) *index {
	byID := make(map[int64]*Contact, len(changed))
	for _, c := range changed {
		byID[c.ID] = c
	}
	for _, id := range removed {
		byID[id] = nil
	}
	all := make([]*Contact, 0, x.live+len(changed))
	_ = x.each(true, func(s uint32, c *Contact) bool {
		if _, ok := byID[c.ID]; !ok {
			d := *c
			d.Numbers = slices.Clone(c.Numbers)
			all = append(all, &d)
		}
		return true
	})
	for _, c := range byID {
		if c != nil {
			all = append(all, c)
		}
	}
	slices.SortFunc(all, func(a, b *Contact) int { return cmp.Compare(a.ID, b.ID) })
	return indexOf(all)
}
