package calls

import (
	"context"
	"database/sql"
	"fmt"
)

// commit stores the newest state of each call in the batch.
func (w *writer) commit() error {
	clear(w.newest)
	for i, x := range w.batch {
		s := w.newest[x.call.ID]
		w.newest[x.call.ID] = slot{i: i, publish: s.publish || x.publish}
		w.maxID = max(w.maxID, x.call.ID)
	}
	return w.t.st.Tx(context.Background(), func(tx *sql.Tx) error {
		stmt := tx.Stmt(w.upsert)
		for i, x := range w.batch {
			if w.newest[x.call.ID].i != i {
				continue
			}
			if _, err := stmt.Exec(rowArgs(x)...); err != nil {
				return fmt.Errorf("store call %d: %w", x.call.ID, err)
			}
		}
		return nil
	})
}

// finish publishes what was stored, then wakes the waiting requests, so
// a request returns only after its change is both stored and published.
func (w *writer) finish(err error) {
	if err != nil {
		w.t.log.Error("storing calls failed", "calls", len(w.newest), "err", err)
	}
	for i, x := range w.batch {
		if s := w.newest[x.call.ID]; err == nil && s.i == i && s.publish {
			w.t.subs.publish(x.call)
		}
	}
	for i, x := range w.batch {
		x.done <- err
		w.batch[i] = nil
	}
}
