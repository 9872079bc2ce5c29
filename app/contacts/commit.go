package contacts

import (
	"slices"
)

// OnChange registers fn to be called after every committed change (add,
// update, remove, block, an import that changed something), and after
// the book reloaded because another process changed it. fn runs on the
// goroutine that made the change (or on Watch's), after the index is
// updated; it must not block (the windows hand it to fyne.Do).
func (b *Book) OnChange(fn func()) {
	b.subMu.Lock()
	defer b.subMu.Unlock()
	b.subs = append(b.subs, fn)
}

// bigCommit is how many contacts the merges of Import and Sync read
// from SQL in one query.
const bigCommit = 1000

// commit puts changed contacts into the index, drops removed ones, takes
// the version the change wrote as the one seen (see bump), and tells the
// subscribers. It builds a new index beside the one in use and swaps it
// in, so lookups never wait for a change to be indexed. Callers hold
// wmu, so commits never overlap.
func (b *Book) commit(changed []*Contact, removed ...int64) {
	if b.pending != 0 {
		b.seen.Store(b.pending)
		b.pending = 0
	} else {
		b.countLate()
	}
	b.idx.Store(b.idx.Load().with(changed, removed))
	b.notify()
}

// notify calls the OnChange subscribers.
func (b *Book) notify() {
	b.subMu.Lock()
	subs := slices.Clone(b.subs)
	b.subMu.Unlock()
	for _, fn := range subs {
		fn()
	}
}
