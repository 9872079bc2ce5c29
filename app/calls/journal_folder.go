package calls

import (
	"context"
	"database/sql"
)

// While the writer holds the journal file, a chunk of the journal is
// folded on a goroutine of its own, the folder: writing 128 rows with
// their indexes takes a couple of milliseconds, and webhook changes go on
// to the journal file meanwhile instead of waiting for the fold. Only
// the writer touches the journal's states; the folder gets a copy of the
// chunk's and reports back, and the writer then drops those not changed
// since. One chunk is folded at a time. A fold on the writer itself (a
// write that is not a webhook change, a flush, Close) folds every state
// waiting, the folder's chunk too, in the writer's transaction after the
// folder's (the store has one writing connection); the rows' versions
// keep the newer state.

// folder is the writer's side of the folder goroutine.
type folder struct {
	jobs    chan []journaled // to the folder; nil: no folder
	results chan foldResult  // from the folder
	busy    bool             // a chunk is with the folder
	buf     []journaled      // the chunk's states (reused)
}

type foldResult struct {
	states []journaled
	err    error
}

// startFolder starts the folder goroutine, when the journal is a file
// (a journal in call_journal is emptied by the fold's own transaction,
// so it is folded on the writer).
func (w *writer) startFolder() {
	if w.j.file == nil {
		return
	}
	jobs, results := make(chan []journaled, 1), make(chan foldResult, 1)
	w.f.jobs, w.f.results = jobs, results
	go func() {
		var args []any
		for states := range jobs {
			err := w.t.st.Tx(context.Background(), func(tx *sql.Tx) error { return w.writeRows(tx, states, &args) })
			results <- foldResult{states, err}
		}
	}()
}

// async reports whether folds of the journal go to the folder.
func (w *writer) async() bool { return w.f.jobs != nil && w.j.file != nil }

// foldNext hands the next chunk to the folder, or folds it on the writer
// when there is no folder.
func (w *writer) foldNext() {
	if !w.async() {
		w.foldChunk()
		return
	}
	if w.f.busy {
		return
	}
	w.f.busy = true
	w.f.jobs <- w.pendingStates(w.f.buf[:0], w.foldOrder(foldChunk))
}

// foldedByFolder takes the folder's report: the states it stored leave
// the journal unless a newer one of their call came meanwhile.
func (w *writer) foldedByFolder(r foldResult) {
	w.f.busy = false
	defer func() { clear(r.states); w.f.buf = r.states[:0] }()
	if r.err != nil {
		w.foldFailed(r.err)
		return
	}
	w.j.done = w.j.done[:0]
	for _, e := range r.states {
		if cur, ok := w.j.pending[e.Call.ID]; ok && cur.Call.Version == e.Call.Version && cur.Updated == e.Updated {
			w.j.done = append(w.j.done, e.Call.ID)
		}
	}
	w.folded()
}

// results is the channel the folder reports on while it has a chunk,
// else nil (never ready).
func (w *writer) results() <-chan foldResult {
	if w.f.busy {
		return w.f.results
	}
	return nil
}

// stopFolder waits for the folder's chunk and ends the folder.
func (w *writer) stopFolder() {
	if w.f.busy {
		w.foldedByFolder(<-w.f.results)
	}
	if w.f.jobs != nil {
		close(w.f.jobs)
		w.f.jobs = nil
	}
}
