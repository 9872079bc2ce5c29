package calls

import (
	"context"
	"fmt"
	"time"
)

// Remove deletes a call from the history and from memory (the window's
// "delete a call"). Subscribers get nothing; once Remove returns, Recent,
// Get and Last no longer return the call.
func (t *Tracker) Remove(ctx context.Context, id int64) error {
	c, err := t.byID(ctx, id)
	if err != nil {
		return err
	}
	t.idx.remove(c)
	w := t.push(remove, Call{ID: id}, "", time.Time{}, false)
	wasLast := t.last.ID == id
	t.mu.Unlock()
	if _, err := t.wait(ctx, w); err != nil {
		return fmt.Errorf("remove call %d: %w", id, err)
	}
	if wasLast {
		return t.reloadLast(ctx, id)
	}
	return nil
}

// byID locates a call by its local id, in memory or stored; it returns
// with t.mu held unless it fails.
func (t *Tracker) byID(ctx context.Context, id int64) (*call, error) {
	c, err := t.locate(ctx, func() *call { return t.idx.byID[id] }, func(ctx context.Context) (row, bool, error) {
		return t.hist.storedByID(ctx, id)
	})
	if err != nil {
		return nil, err
	}
	if c == nil {
		t.mu.Unlock()
		return nil, fmt.Errorf("call %d: %w", id, ErrNotFound)
	}
	return c, nil
}

// reloadLast makes the newest stored call Last again after the call
// gone was removed, unless a newer one came meanwhile.
func (t *Tracker) reloadLast(ctx context.Context, gone int64) error {
	r, ok, err := t.hist.newest(ctx)
	if err != nil {
		return fmt.Errorf("read the newest call: %w", err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.last.ID == gone {
		t.last = Call{}
		if ok {
			t.last = r.Call
		}
	}
	return nil
}
