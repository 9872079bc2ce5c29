// Package calls turns sipgate's webhook legs into calls. sipgate sends
// legs, not calls: a forward, a transfer or a voicemail box makes a new
// callId, answer and hangup come only when subscribed, voicemail
// "answers", and hangups sometimes never come. The Tracker groups legs by
// origCallId into one call, derives its outcome (answered by whom,
// missed, voicemail, duration), answers sipgate from memory, stores every
// change durably before the webhook's 200 (one group commit for all
// requests in flight), and publishes changes to any number of
// subscribers without ever blocking the webhook.
//
// Every stored change of a call is a new Version. A push that changes
// nothing (a duplicate or a replay, even of a call long gone from
// memory) is neither stored nor published. Merge takes states from other
// desks of the team and from sipgate's history, which Version and the
// call's Key order; Rename, Claim, Done and Remove change stored calls.
package calls

import (
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// Tracker keeps one call per logical call. It is the webhook.Responder
// sipgate's pushes go to, and the source of the call history. Its methods
// are safe for concurrent use.
type Tracker struct {
	st   *store.Store
	hist *History
	dir  Directory
	opt  Options
	// publicURL overrides opt.PublicURL once SetPublicURL was called.
	publicURL atomic.Pointer[string]
	log       *slog.Logger

	mu     sync.Mutex // guards the fields below and the order of queue
	idx    index
	nextID int64
	last   Call
	closed bool
	// finished bounds the finished calls idx keeps.
	finished finishedRing

	queue chan *write
	subs  subscribers
	// probe finds the id of a stored call by key (probeSQL); keys says
	// when a push needs it.
	probe *sql.Stmt
	keys  keyFilter
	// unfolded is how many calls wait in the journal for their fold.
	unfolded atomic.Int64
	// batches counts the writer's group commits (benchmarks report the
	// writes each shared).
	batches atomic.Int64

	stop      chan struct{}
	done      sync.WaitGroup
	closeOnce sync.Once
}

// queueSize bounds the writes waiting for the writer; a full queue makes
// Respond wait, which only happens when the disk cannot keep up.
const queueSize = 4096

// Open migrates the "calls" tables, loads the calls that can still change
// back into memory, and starts the writer and the stale sweeper. A nil
// dir knows nobody. The store stays the caller's to close, after Close.
func Open(st *store.Store, dir Directory, opt Options) (*Tracker, error) {
	hist, err := OpenHistory(st)
	if err != nil {
		return nil, err
	}
	if dir == nil {
		dir = noDirectory{}
	}
	opt = opt.withDefaults()
	jf, err := openJournalFile(st.Dir())
	if err != nil {
		return nil, err
	}
	if err := replayJournal(st, jf, opt.Logger); err != nil {
		jf.close()
		return nil, fmt.Errorf("replay calls: %w", err)
	}
	t := &Tracker{st: st, hist: hist, dir: dir, opt: opt, log: opt.Logger, idx: newIndex(),
		queue: make(chan *write, queueSize), stop: make(chan struct{})}
	if err := t.load(); err != nil {
		jf.close()
		return nil, fmt.Errorf("load calls: %w", err)
	}
	t.keys = newKeyFilter(max(t.nextID, int64(opt.Keep)))
	if t.probe, err = st.R.Prepare(probeSQL); err != nil {
		jf.close()
		return nil, fmt.Errorf("prepare call lookup: %w", err)
	}
	w, err := newWriter(t, jf)
	if err != nil {
		jf.close()
		t.probe.Close()
		return nil, err
	}
	hist.flush = t.flush
	t.done.Add(3)
	go w.run()
	go t.sweepLoop()
	go t.loadKeys()
	if _, err := t.Sweep(); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// Close stops taking events, writes what is pending, prunes the history
// and stops the goroutines and subscriptions. The store stays open.
func (t *Tracker) Close() error {
	t.closeOnce.Do(func() {
		t.mu.Lock()
		t.closed = true
		close(t.queue)
		t.mu.Unlock()
		close(t.stop)
		t.done.Wait()
		t.probe.Close()
		t.subs.closeAll()
	})
	return nil
}

// Last is the newest call (the one that started last), from memory; false
// when there is none yet.
func (t *Tracker) Last() (Call, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.last.clone(), t.last.ID != 0
}

func (t *Tracker) now() time.Time {
	return t.opt.Now().UTC().Truncate(time.Millisecond)
}
