package calls

import (
	"context"
	"database/sql"
	"errors"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// findPush takes the call of ev back into memory when only the store
// has it, and returns holding t.mu. A push of a call in memory, or one
// whose ids the key filter never saw, is decided without the store.
func (t *Tracker) findPush(ctx context.Context, ev webhook.Event) error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return ErrClosed
	}
	if t.idx.find(ev) != nil || !t.keys.mayHave(ev.CallID, ev.OrigCallID) {
		return nil
	}
	t.mu.Unlock()
	_, err := t.locate(ctx, func() *call { return t.idx.find(ev) }, func(ctx context.Context) (row, bool, error) {
		return t.storedFor(ctx, ev)
	})
	return err
}

// storedFor finds the stored call of a push that memory does not know: a
// replay from long ago, or a late event of a call already forgotten. A
// failed read is logged and the push taken as new, so no call is lost.
// A new call costs one prepared index probe.
func (t *Tracker) storedFor(ctx context.Context, ev webhook.Event) (row, bool, error) {
	orig := ev.OrigCallID
	if orig == "" {
		orig = ev.CallID
	}
	var id int64
	if err := t.flush(ctx); err != nil {
		t.log.Warn("cannot fold the call journal before a lookup", "err", err)
	}
	err := t.probe.QueryRowContext(ctx, ev.CallID, orig).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return row{}, false, nil
	}
	var r row
	ok := false
	if err == nil {
		r, ok, err = t.hist.storedByID(ctx, id)
	}
	if err != nil {
		t.log.Warn("cannot look up a push in the stored calls; taking it as a new call", "err", err)
		return row{}, false, nil
	}
	return r, ok, nil
}
