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

// bigCommit is the number of changes above which commit updates a copy
// of the index and swaps it in, so that lookups never wait for a large
// import to be indexed.
const bigCommit = 1000

// commit puts changed contacts into the index, drops removed ones, takes
// the version the change wrote as the one seen (see bump), and tells the
// subscribers. Callers hold wmu, so commits never overlap.
func (b *Book) commit(changed []*Contact, removed ...int64) {
	if b.pending != 0 {
		b.seen.Store(b.pending)
		b.pending = 0
	} else {
		b.countLate()
	}
	apply := func(x *index) {
		for _, id := range removed {
			x.drop(id)
		}
		for _, c := range changed {
			x.put(c)
		}
	}
	if len(changed)+len(removed) > bigCommit {
		b.mu.RLock()
		next := b.idx.clone()
		b.mu.RUnlock()
		apply(next)
		b.mu.Lock()
		b.idx = next
		b.mu.Unlock()
	} else {
		b.mu.Lock()
		apply(b.idx)
		b.mu.Unlock()
	}
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
