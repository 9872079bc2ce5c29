package calls

import (
	"context"
	"sync"
	"time"
)

// writeKind says what the writer does with a write.
type writeKind uint8

const (
	// upsert stores a call's new state (inserted if new).
	upsert writeKind = iota
	// update stores a changed stored row, only while it is still stored
	// and older.
	update
	// remove deletes the call.
	remove
	// barrier stores nothing: its request only waits for the writes
	// queued before it (a duplicate push answers once the state it saw
	// is stored, but is not written again).
	barrier
	// flush stores nothing either, but folds the whole journal into the
	// calls table first: a read that follows sees every stored change.
	flush
)

// write is one pending change: the call's state after it, and the channel
// its request waits on. Writes are queued under t.mu, so the queue holds
// every call's states in the order they happened.
type write struct {
	call    Call
	key     string
	updated time.Time
	kind    writeKind
	publish bool
	// hot marks a webhook's change, which the writer may journal
	// (journal.go) instead of writing the call's row at once.
	hot    bool
	stored bool // set by the writer: the row changed
	done   chan error
}

var writePool = sync.Pool{New: func() any { return &write{done: make(chan error, 1)} }}

// changed settles a call an event changed and queues its next version.
// The caller holds t.mu.
func (t *Tracker) changed(c *call, now time.Time) *write {
	c.settle()
	c.Version++
	return t.queueCall(c, now)
}

// pushed settles a call a webhook push changed and queues its next
// version as a hot write. The caller holds t.mu.
func (t *Tracker) pushed(c *call, now time.Time) *write {
	c.settle()
	c.Version++
	c.updated = now
	t.noteFinished(c)
	w := t.newWrite(upsert, c.clone(), c.key, now, true)
	w.hot = true
	t.enqueue(w)
	return w
}

// queueCall queues c's state as it is, to be stored and published. The
// caller holds t.mu and has set c's Version.
func (t *Tracker) queueCall(c *call, now time.Time) *write {
	c.updated = now
	t.noteFinished(c)
	return t.push(upsert, c.clone(), c.key, now, true)
}

// barrier queues a write that stores nothing. The caller holds t.mu.
func (t *Tracker) barrier() *write { return t.push(barrier, Call{}, "", time.Time{}, false) }

// push queues one write; the caller holds t.mu.
func (t *Tracker) push(kind writeKind, c Call, key string, updated time.Time, publish bool) *write {
	w := t.newWrite(kind, c, key, updated, publish)
	t.enqueue(w)
	return w
}

// newWrite takes a write from the pool and fills it in.
func (t *Tracker) newWrite(kind writeKind, c Call, key string, updated time.Time, publish bool) *write {
	w := writePool.Get().(*write)
	w.call, w.key, w.updated, w.kind, w.publish, w.stored, w.hot = c, key, updated, kind, publish, false, false
	return w
}

// enqueue hands w to the writer; the caller holds t.mu.
func (t *Tracker) enqueue(w *write) {
	if (w.kind == upsert || w.kind == update) && t.newest(w.call) {
		t.last = w.call
	}
	t.queue <- w
}

// newest reports whether c is (a new state of) the call that started
// last.
func (t *Tracker) newest(c Call) bool {
	l := t.last
	return l.ID == 0 || c.ID == l.ID || c.StartedAt.After(l.StartedAt) ||
		(c.StartedAt.Equal(l.StartedAt) && c.ID > l.ID)
}

// wait blocks until w is committed (or ctx ends: the write still
// happens) and reports whether it changed a row.
func (t *Tracker) wait(ctx context.Context, w *write) (bool, error) {
	select {
	case err := <-w.done:
		stored := w.stored
		writePool.Put(w)
		return stored, err
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// waitAll waits for every write and counts those that changed a row.
func (t *Tracker) waitAll(ctx context.Context, ws []*write) (int, error) {
	n := 0
	var first error
	for _, w := range ws {
		stored, err := t.wait(ctx, w)
		if stored {
			n++
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return n, first
}
