package calls

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// commit stores the newest state of each call in the batch. A batch of
// barriers alone writes nothing at all.
func (w *writer) commit() error {
	clear(w.newest)
	flushing := false
	for i, x := range w.batch {
		if x.kind == barrier || x.kind == flush {
			flushing = flushing || x.kind == flush
			continue
		}
		s := w.newest[x.call.ID]
		w.newest[x.call.ID] = slot{i: i, publish: s.publish || x.publish}
		if x.kind != remove {
			w.maxID = max(w.maxID, x.call.ID)
		}
	}
	if len(w.newest) == 0 && !(flushing && len(w.j.pending) > 0) {
		return nil
	}
	hot, only := w.hotChanges()
	// Pushes come fast when the batch before with webhook changes came
	// within busyGap.
	busy := w.j.file != nil && time.Since(w.j.lastHot) < busyGap
	if hot > 0 && only {
		w.j.lastHot = time.Now()
	}
	if only && w.useJournal(hot, busy) {
		return w.journalBatch()
	}
	err := w.t.st.Tx(context.Background(), func(tx *sql.Tx) error {
		if err := w.fold(tx, -1); err != nil {
			return err
		}
		for i, x := range w.batch {
			if x.kind == barrier || x.kind == flush || w.newest[x.call.ID].i != i {
				continue
			}
			n, err := w.exec(tx, x)
			if err != nil {
				return fmt.Errorf("store call %d: %w", x.call.ID, err)
			}
			x.stored = n > 0
		}
		return nil
	})
	if err == nil {
		w.folded()
	}
	return err
}

// exec runs one write's statement and reports how many rows it changed.
func (w *writer) exec(tx *sql.Tx, x *write) (int64, error) {
	var res sql.Result
	var err error
	switch x.kind {
	case remove:
		res, err = tx.Stmt(w.remove).Exec(x.call.ID)
	case update:
		res, err = tx.Stmt(w.update).Exec(rowArgs(x)...)
	default:
		res, err = tx.Stmt(w.upsert).Exec(rowArgs(x)...)
	}
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// finish publishes what was stored, then wakes the waiting requests, so
// a request returns only after its change is both stored and published.
// A write that changed no row (a newer version was stored first) is not
// published.
func (w *writer) finish(err error) {
	if err != nil {
		w.t.log.Error("storing calls failed", "calls", len(w.newest), "err", err)
	}
	for i, x := range w.batch {
		if err != nil {
			x.stored = false
		}
		s, ok := w.newest[x.call.ID]
		if ok && s.i == i && s.publish && x.stored && x.kind != remove && x.kind != flush {
			w.t.subs.publish(x.call)
		}
	}
	for i, x := range w.batch {
		x.done <- err
		w.batch[i] = nil
	}
}
