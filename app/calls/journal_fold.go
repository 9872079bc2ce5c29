package calls

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// foldChunk folds up to foldChunk journaled calls into the calls table,
// and empties the journal with the last of them.
func (w *writer) foldChunk() {
	err := w.t.st.Tx(context.Background(), func(tx *sql.Tx) error { return w.fold(tx, foldChunk) })
	if err != nil {
		w.foldFailed(err)
		return
	}
	w.folded()
}

// foldFailed reports a fold that did not commit; it is tried again
// after foldAfter.
func (w *writer) foldFailed(err error) {
	w.t.log.Error("folding the call journal failed", "calls", len(w.j.pending), "err", err)
	w.j.since = time.Now()
}

// fold writes up to n journaled calls (n < 0: all) in tx, oldest first;
// once none is left it empties call_journal. folded drops them after the
// commit.
func (w *writer) fold(tx *sql.Tx, n int) error {
	w.j.done = w.j.done[:0]
	if len(w.j.pending) == 0 {
		return nil
	}
	ids := w.foldOrder(n)
	es := w.pendingStates(w.j.folding[:0], ids)
	err := w.writeRows(tx, es, &w.j.args)
	clear(es)
	w.j.folding = es[:0]
	if err != nil {
		return err
	}
	w.j.done = append(w.j.done, ids...)
	if len(w.j.done) == len(w.j.pending) {
		if _, err := tx.Exec(`DELETE FROM call_journal`); err != nil {
			return fmt.Errorf("empty the call journal: %w", err)
		}
	}
	return nil
}

// pendingStates appends the journaled states of the calls ids to es.
func (w *writer) pendingStates(es []journaled, ids []int64) []journaled {
	for _, id := range ids {
		es = append(es, w.j.pending[id])
	}
	return es
}

// writeRows upserts the calls' rows in tx: a full chunk of them is one
// statement. args is the statement's values, reused.
func (w *writer) writeRows(tx *sql.Tx, es []journaled, args *[]any) error {
	one := tx.Stmt(w.upsert)
	var chunk *sql.Stmt // tx.Stmt(w.upsertChunk), once a full chunk comes
	for len(es) > 0 {
		k, stmt := 1, one
		if len(es) >= foldChunk && w.upsertChunk != nil {
			if chunk == nil {
				chunk = tx.Stmt(w.upsertChunk)
			}
			k, stmt = foldChunk, chunk
		}
		a := (*args)[:0]
		for _, e := range es[:k] {
			x := write{call: e.Call, key: e.Key, updated: time.UnixMilli(e.Updated)}
			a = appendRowArgs(a, &x)
		}
		_, err := stmt.Exec(a...)
		clear(a)
		*args = a[:0]
		if err != nil {
			return fmt.Errorf("fold calls %d…%d: %w", es[0].Call.ID, es[k-1].Call.ID, err)
		}
		es = es[k:]
	}
	return nil
}

// foldOrder picks the calls a fold of up to n writes (n < 0: all), by
// id, so a chunk's rows share their pages (in the map's order a chunk of
// 128 wrote about a hundred pages). Under load (more than a chunk waits)
// a live call is left for a later fold, which then writes its row once,
// ended, instead of twice; unless no call of the journal has ended.
func (w *writer) foldOrder(n int) []int64 {
	skipLive := n >= 0 && len(w.j.pending) > n
	ids := w.j.order[:0]
	for id, e := range w.j.pending {
		if !skipLive || !e.Call.Status.Live() {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		for id := range w.j.pending {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	w.j.order = ids
	if n >= 0 && len(ids) > n {
		ids = ids[:n]
	}
	return ids
}

// folded forgets the calls the last fold committed, and empties the
// journal file once nothing in it waits for its fold.
func (w *writer) folded() {
	for _, id := range w.j.done {
		delete(w.j.pending, id)
	}
	w.j.done = w.j.done[:0]
	w.t.unfolded.Store(int64(len(w.j.pending)))
	if len(w.j.pending) == 0 && w.j.file != nil {
		if err := w.j.file.reset(); err != nil {
			w.t.log.Warn("emptying the call journal file failed; its folded records are replayed harmlessly", "err", err)
		}
	}
}

// foldAll folds the whole journal at Close.
func (w *writer) foldAll() {
	w.stopFolder()
	for len(w.j.pending) > 0 {
		err := w.t.st.Tx(context.Background(), func(tx *sql.Tx) error { return w.fold(tx, -1) })
		if err != nil {
			w.t.log.Error("folding the call journal failed; the next start replays it", "calls", len(w.j.pending), "err", err)
			return
		}
		w.folded()
	}
}
