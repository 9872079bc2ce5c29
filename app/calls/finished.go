package calls

// finishedCap bounds how many finished calls memory keeps for their
// linger time. A call ends, and a duplicate push or a straggling leg of
// it comes within seconds; an office ends far fewer calls than this in
// ten minutes. A flood of short calls would otherwise hold every one of
// them for the whole linger time. A push for a call forgotten early
// still finds it: the key filter sends it to the store.
const finishedCap = 4096

// finishedRing remembers the finished calls in the order they ended; a
// call that ends again (a late leg) is remembered anew.
type finishedRing struct {
	ring []finishedEntry
	next int
	seq  uint64
}

type finishedEntry struct {
	c   *call
	seq uint64
}

// noteFinished remembers c when it is finished and forgets the finished
// call that ended finishedCap calls ago, unless it changed since. The
// caller holds t.mu.
func (t *Tracker) noteFinished(c *call) {
	if c.Status.Live() {
		return
	}
	f := &t.finished
	if f.ring == nil {
		f.ring = make([]finishedEntry, finishedCap)
	}
	if old := f.ring[f.next]; old.c != nil && old.c.endSeq == old.seq &&
		!old.c.Status.Live() && t.idx.byID[old.c.ID] == old.c {
		t.idx.remove(old.c)
	}
	f.seq++
	c.endSeq = f.seq
	f.ring[f.next] = finishedEntry{c: c, seq: f.seq}
	f.next = (f.next + 1) % len(f.ring)
}
