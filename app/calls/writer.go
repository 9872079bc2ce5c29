package calls

import (
	"database/sql"
	"fmt"
)

// maxBatch caps one group commit.
const maxBatch = 512

// writer is the one goroutine that stores calls. It takes every write
// waiting in the queue, commits them in one transaction, publishes the
// new states and then wakes all their requests.
type writer struct {
	t      *Tracker
	upsert *sql.Stmt
	update *sql.Stmt
	remove *sql.Stmt
	batch  []*write
	newest map[int64]slot
	maxID  int64 // highest call id written
	pruned int64 // ids up to this are pruned
}

// slot is where a call's newest state sits in the batch, and whether any
// of its writes is to be published.
type slot struct {
	i       int
	publish bool
}

func newWriter(t *Tracker) (*writer, error) {
	w := &writer{t: t, newest: make(map[int64]slot), maxID: t.nextID}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&w.upsert, upsertSQL}, {&w.update, updateSQL}, {&w.remove, deleteSQL}} {
		stmt, err := t.st.W.Prepare(p.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare call statements: %w", err)
		}
		*p.stmt = stmt
	}
	return w, nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.upsert, w.update, w.remove} {
		if s != nil {
			s.Close()
		}
	}
}

func (w *writer) run() {
	defer w.t.done.Done()
	for {
		first, ok := w.next()
		if !ok {
			break
		}
		w.batch = append(w.batch[:0], first)
		w.drain()
		w.finish(w.commit())
	}
	w.pruneAll()
	w.close()
}

// next waits for a write, pruning the history while there is none.
func (w *writer) next() (*write, bool) {
	for w.pruneDue() {
		select {
		case x, ok := <-w.t.queue:
			return x, ok
		default:
			w.pruneChunk()
		}
	}
	x, ok := <-w.t.queue
	return x, ok
}

// drain adds every write already waiting: they share the commit.
func (w *writer) drain() {
	for len(w.batch) < maxBatch {
		select {
		case x, ok := <-w.t.queue:
			if !ok {
				return
			}
			w.batch = append(w.batch, x)
		default:
			return
		}
	}
}
