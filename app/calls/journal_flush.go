package calls

import (
	"context"
	"time"
)

// flush returns once every journaled change is folded into the calls
// table (at once when none waits), so a read that follows sees it. After
// Close there is nothing left to fold.
func (t *Tracker) flush(ctx context.Context) error {
	if t.unfolded.Load() == 0 {
		return nil
	}
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil
	}
	w := t.push(flush, Call{}, "", time.Time{}, false)
	t.mu.Unlock()
	_, err := t.wait(ctx, w)
	return err
}

// flushFirst is called by every read of the History: a History opened by
// a Tracker folds its journal first.
func (h *History) flushFirst(ctx context.Context) error {
	if h.flush == nil {
		return nil
	}
	return h.flush(ctx)
}
