package calls

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Under load most of a group commit's cost is the call rows it rewrites
// with their four indexes, three times per call (newCall, answer,
// hangup). So a batch of webhook changes is stored as one row appended
// to call_journal, one statement that is its own transaction, as
// durable as the rows (the same file and WAL) and touching a page or
// two; the writer folds the newest state of
// each journaled call into the calls table later, in small chunks while
// no write waits, once per call however many pushes it had. Open replays
// a journal that a crash left behind. Reads of this process's History
// fold first (flush), so they see every change whose 200 was sent;
// another process's reads may lag by up to foldAfter.
const (
	// foldAfter is how long a journaled change may wait for its fold
	// while writes keep coming (Options.foldAfter in tests).
	foldAfter = 200 * time.Millisecond
	// foldChunk bounds one fold transaction, so a write that arrives
	// meanwhile waits for at most one small one.
	foldChunk = 128
	// foldMax is how many journaled calls make the writer fold even
	// while writes wait.
	foldMax = 2048
	// busyGap: webhook changes closer than this mean load, and go to the
	// journal file even one at a time.
	busyGap = 20 * time.Millisecond
)

// journaled is one call's state in the journal.
type journaled struct {
	Call    Call
	Key     string
	Updated int64 // Unix ms
}

// journal is the writer's side of call_journal: the states journaled
// and not folded yet, newest per call, and since when.
type journal struct {
	pending map[int64]journaled
	since   time.Time
	insert  *sql.Stmt
	file    *journalFile // nil: the journal is call_journal alone
	lastHot time.Time    // when the last batch with webhook changes came
	done    []int64      // the ids the last fold wrote
	folding []journaled  // the states a fold writes (reused)
	order   []int64      // the ids a fold picks from (reused)
	buf     []byte       // the encoded batch
	entries []journaled  // the batch's states (reused; empty between batches)
	args    []any        // a fold statement's values (reused)
}

// hotChanges counts the batch's webhook changes; only is false when it
// holds any other write (barriers aside).
func (w *writer) hotChanges() (hot int, only bool) {
	for _, x := range w.batch {
		switch {
		case x.kind == barrier:
		case x.hot:
			hot++
		default:
			return hot, false
		}
	}
	return hot, true
}

// useJournal reports whether a batch of hot webhook changes alone goes
// to the journal: several of them (load), a journal that already waits
// for its fold, or a journal file while pushes come fast (busy). A
// change alone, on a quiet line, is written to its row at once, so
// another process's read (a command beside the app) sees it.
func (w *writer) useJournal(hot int, busy bool) bool {
	return hot >= 2 || (hot > 0 && (len(w.j.pending) > 0 || busy || w.t.opt.journalAlways))
}

// journalBatch stores the newest state of each call of the batch as one
// journal row, in a transaction of its own. A webhook change is always newer than what is stored (the
// tracker owns its calls' versions), so each counts as stored.
func (w *writer) journalBatch() error {
	entries := w.j.entries[:0]
	defer func() { clear(entries); w.j.entries = entries[:0] }()
	for i, x := range w.batch {
		if x.kind != barrier && w.newest[x.call.ID].i == i {
			entries = append(entries, journaled{Call: x.call, Key: x.key, Updated: x.updated.UnixMilli()})
		}
	}
	w.j.buf = encodeJournal(w.j.buf[:0], entries)
	if err := w.appendJournal(); err != nil {
		return err
	}
	if len(w.j.pending) == 0 {
		w.j.since = time.Now()
	}
	for i, x := range w.batch {
		if x.kind != barrier && w.newest[x.call.ID].i == i {
			x.stored = true
		}
	}
	for _, e := range entries {
		w.j.pending[e.Call.ID] = e
	}
	w.t.unfolded.Store(int64(len(w.j.pending)))
	return nil
}

// foldDue reports whether the journal should be folded now.
func (w *writer) foldDue() bool {
	n := len(w.j.pending)
	return n >= foldMax || (n > 0 && time.Since(w.j.since) >= w.t.opt.foldAfter)
}

// appendJournal stores the encoded batch: in the journal file when this
// process holds it, else as a call_journal row. A file that keeps a
// torn record after a failed write is given up for the table.
func (w *writer) appendJournal() error {
	if f := w.j.file; f != nil {
		err := f.append(w.j.buf)
		if errors.Is(err, errJournalFileTorn) {
			w.t.log.Error("the call journal file cannot be written any more; journaling in the database", "err", err)
			f.close()
			w.j.file = nil
		}
		return err
	}
	if _, err := w.t.st.Exec(context.Background(), w.j.insert, w.j.buf); err != nil {
		return fmt.Errorf("store journal: %w", err)
	}
	return nil
}
