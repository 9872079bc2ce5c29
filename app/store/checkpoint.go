package store

import (
	"database/sql"
	"sync"
	"time"
)

// checkpointEvery is how often the background checkpointer runs. SQLite's
// own automatic checkpoint runs inside the commit that crosses 1,000 WAL
// pages and makes every request waiting on that commit wait for its
// fsync; a passive checkpoint on its own connection never blocks writers.
const checkpointEvery = 2 * time.Second

type checkpointer struct {
	db   *sql.DB
	quit chan struct{}
	done chan struct{}
	once sync.Once
	err  error
}

func startCheckpointer(path string) (*checkpointer, error) {
	db, err := openDB(path, false)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, quit: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

func (c *checkpointer) run() {
	defer close(c.done)
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	for {
		select {
		case <-c.quit:
			return
		case <-t.C:
			// A busy or failed passive checkpoint is retried on the next tick.
			c.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
		}
	}
}

// stop ends the checkpointer; calling it again is harmless.
func (c *checkpointer) stop() error {
	c.once.Do(func() {
		close(c.quit)
		<-c.done
		c.err = c.db.Close()
	})
	return c.err
}
