package calls

import (
	"database/sql"
	"fmt"
	"runtime"
	"time"
)

// maxBatch caps one group commit.
const maxBatch = 512

// writer is the one goroutine that stores calls. It takes every write
// waiting in the queue, commits them in one transaction, publishes the
// new states and then wakes all their requests.
type writer struct {
	t      *Tracker
	upsert *sql.Stmt
	// upsertChunk is upsert for a full fold chunk of rows at once.
	upsertChunk *sql.Stmt
	update      *sql.Stmt
	remove      *sql.Stmt
	batch       []*write
	newest      map[int64]slot
	j           journal
	maxID       int64 // highest call id written
	pruned      int64 // ids up to this are pruned
	timer       *time.Timer
	f           folder
}

// slot is where a call's newest state sits in the batch, and whether any
// of its writes is to be published.
type slot struct {
	i       int
	publish bool
}

func newWriter(t *Tracker, jf *journalFile) (*writer, error) {
	w := &writer{t: t, newest: make(map[int64]slot), maxID: t.nextID, j: journal{pending: make(map[int64]journaled), file: jf}}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&w.upsert, upsertSQL}, {&w.upsertChunk, upsertRowsSQL(foldChunk)}, {&w.update, updateSQL}, {&w.remove, deleteSQL}, {&w.j.insert, journalInsertSQL}} {
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
	for _, s := range []*sql.Stmt{w.upsert, w.upsertChunk, w.update, w.remove, w.j.insert} {
		if s != nil {
			s.Close()
		}
	}
	if err := w.j.file.close(); err != nil {
		w.t.log.Warn("closing the call journal file failed", "err", err)
	}
}

func (w *writer) run() {
	defer w.t.done.Done()
	w.startFolder()
	for {
		first, ok := w.next()
		if !ok {
			break
		}
		w.batch = append(w.batch[:0], first)
		w.gather()
		w.drain()
		w.t.batches.Add(1)
		w.finish(w.commit())
	}
	w.foldAll()
	w.pruneAll()
	w.close()
}

// next waits for a write. While there is none it folds the journal once
// that is due, then prunes the history; a journal that grew too big is
// folded a chunk per batch even while writes wait. A journal that grows
// past twice that while the folder works waits for the folder.
func (w *writer) next() (*write, bool) {
	switch n := len(w.j.pending); {
	case n >= 2*foldMax && w.f.busy:
		w.foldedByFolder(<-w.f.results)
		w.foldNext()
	case n >= foldMax:
		w.foldNext()
	}
	for {
		idle, wake := w.idleWork()
		if idle == nil && !w.f.busy {
			x, ok := <-w.t.queue
			return x, ok
		}
		select {
		case x, ok := <-w.t.queue:
			return x, ok
		default:
		}
		select {
		case x, ok := <-w.t.queue:
			return x, ok
		case r := <-w.results():
			w.foldedByFolder(r)
		case <-wake:
			idle()
		}
	}
}

// idleWork is what the writer does while no write waits, and when: a
// closed channel means now, nil means nothing to do.
func (w *writer) idleWork() (func(), <-chan time.Time) {
	switch {
	case len(w.j.pending) > 0 && w.foldDue() && w.f.busy:
		return nil, nil // the folder's report wakes the writer
	case len(w.j.pending) > 0 && w.foldDue():
		return w.foldNext, ready
	case len(w.j.pending) > 0:
		return func() {}, w.after(w.t.opt.foldAfter - time.Since(w.j.since))
	case w.pruneDue():
		return w.pruneChunk, ready
	}
	return nil, nil
}

// after is time.After on the writer's one timer: next asks for it after
// every batch while the journal waits, and a new timer each time was a
// steady stream of garbage under load.
func (w *writer) after(d time.Duration) <-chan time.Time {
	if w.timer == nil {
		w.timer = time.NewTimer(d)
	} else {
		w.timer.Reset(d)
	}
	return w.timer.C
}

// ready is a channel that is always ready.
var ready = func() <-chan time.Time {
	c := make(chan time.Time)
	close(c)
	return c
}()

// gather lets the requests that are ready to run queue their writes
// before a lone write is committed. The request that queued it handed
// its processor straight to the writer, so under load every batch was
// one write: one journal write(2) and one wake-up each. When nothing
// else is runnable the yield returns at once.
func (w *writer) gather() {
	if len(w.t.queue) == 0 {
		runtime.Gosched()
	}
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
