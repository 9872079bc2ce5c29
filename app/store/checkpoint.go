package store

import (
	"context"
	"database/sql"
	"os"
	"sync"
	"time"
)

// SQLite's own automatic checkpoint runs inside the commit that crosses
// 1,000 WAL pages and makes every request waiting on that commit wait
// for its fsync; it is off, and a checkpointer in the background does
// the work instead. A passive checkpoint never blocks a writer, but
// under sustained writes it never catches up either: a write always
// lands after the frames it copied, so SQLite never starts the WAL over
// and the file grows without limit (1.2 GB in 20 s of replayed calls).
// So when the WAL passes walLimit, the checkpointer truncates it.
const (
	// walLimit is the WAL size (bytes) that makes the checkpointer
	// truncate it; also the journal_size_limit.
	walLimit = 16 << 20
	// walCheckEvery is how often the WAL's size is looked at.
	walCheckEvery = 250 * time.Millisecond
	// checkpointEvery is how often a passive checkpoint runs.
	checkpointEvery = 2 * time.Second
	// truncateWait bounds how long a truncating checkpoint waits for a
	// lock (another process's writer, readers still on old frames), and
	// so how long it can keep this store's writers waiting.
	truncateWait = 100 * time.Millisecond
)

type checkpointer struct {
	db    *sql.DB // its own connection, for passive checkpoints
	w     *sql.DB // the store's writer, for truncating ones
	wal   string  // the WAL file's path
	limit int64
	tick  time.Duration
	// passiveEvery is how many ticks pass between passive checkpoints.
	passiveEvery int
	// truncated, when set (by tests), gets the result of each
	// truncating checkpoint.
	truncated func(truncation)
	ctx       context.Context
	cancel    context.CancelFunc
	done      chan struct{}
	once      sync.Once
	err       error
}

func startCheckpointer(path string, w *sql.DB) (*checkpointer, error) {
	c, err := newCheckpointer(path, w)
	if err != nil {
		return nil, err
	}
	c.start()
	return c, nil
}

// newCheckpointer makes a checkpointer with the default limits; start
// runs it.
func newCheckpointer(path string, w *sql.DB) (*checkpointer, error) {
	db, err := openDB(path, false)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, w: w, wal: path + "-wal", limit: walLimit, tick: walCheckEvery,
		passiveEvery: int(checkpointEvery / walCheckEvery), done: make(chan struct{})}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	return c, nil
}

func (c *checkpointer) start() { go c.run() }

func (c *checkpointer) run() {
	defer close(c.done)
	t := time.NewTicker(c.tick)
	defer t.Stop()
	for n := 1; ; n++ {
		select {
		case <-c.ctx.Done():
			return
		case <-t.C:
		}
		switch {
		case c.walSize() > c.limit:
			res := c.truncate()
			if c.truncated != nil {
				c.truncated(res)
			}
			n = 0
		case n >= c.passiveEvery:
			c.passive() // a busy or failed one is retried later
			n = 0
		}
	}
}

func (c *checkpointer) walSize() int64 {
	fi, err := os.Stat(c.wal)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func (c *checkpointer) passive() error {
	_, err := c.db.ExecContext(c.ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
	return err
}

// stop ends the checkpointer; calling it again is harmless.
func (c *checkpointer) stop() error {
	c.once.Do(func() {
		c.cancel()
		<-c.done
		c.err = c.db.Close()
	})
	return c.err
}
