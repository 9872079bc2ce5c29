package calls

import (
	"context"
	"sync"
	"time"
)

// write is one pending change: the call's state after it, and the channel
// its request waits on. Writes are queued under t.mu, so the queue holds
// every call's states in the order they happened.
type write struct {
	call    Call
	key     string
	updated time.Time
	publish bool // false for a duplicate push: stored again, not shown again
	done    chan error
}

var writePool = sync.Pool{New: func() any { return &write{done: make(chan error, 1)} }}

// enqueue settles a changed call and queues its new state; an unchanged
// call (a duplicate push) is queued too, so its answer also waits until
// the state it saw is stored. The caller holds t.mu.
func (t *Tracker) enqueue(c *call, now time.Time, changed bool) *write {
	if changed {
		c.updated = now
		c.settle()
	}
	w := writePool.Get().(*write)
	w.call, w.key, w.updated, w.publish = c.clone(), c.key, c.updated, changed
	if w.call.ID >= t.last.ID {
		t.last = w.call
	}
	t.queue <- w
	return w
}

// wait blocks until w is committed (or ctx ends: the write still happens).
func (t *Tracker) wait(ctx context.Context, w *write) error {
	select {
	case err := <-w.done:
		writePool.Put(w)
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
