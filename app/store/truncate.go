package store

import (
	"context"
	"strconv"
)

// truncation is the outcome of one truncating checkpoint.
type truncation struct {
	busy    bool  // a lock stayed taken: the WAL was not cut this time
	walSize int64 // the WAL's size right after, the writer still held
	err     error
}

// truncate copies the WAL into the database and cuts the WAL file to
// zero. A passive checkpoint first copies the bulk without blocking
// anyone; then the truncating one runs on the store's own writer
// connection, so this process's writes queue behind it (for the few
// frames written meanwhile and one fsync) instead of failing, and it
// waits at most truncateWait for any lock. If readers stay on old
// frames past that, it gives up (busy) and the next tick tries again.
func (c *checkpointer) truncate() truncation {
	if err := c.passive(); err != nil {
		return truncation{err: err}
	}
	conn, err := c.w.Conn(c.ctx)
	if err != nil {
		return truncation{err: err}
	}
	defer conn.Close()
	ms := strconv.FormatInt(truncateWait.Milliseconds(), 10)
	if _, err := conn.ExecContext(c.ctx, "PRAGMA busy_timeout="+ms); err != nil {
		return truncation{err: err}
	}
	// Restored even when the checkpoint failed or the store is closing:
	// the writer must keep waiting the full time for other processes.
	defer conn.ExecContext(context.Background(), "PRAGMA busy_timeout="+strconv.Itoa(busyTimeout))
	var busy, logged, moved int
	err = conn.QueryRowContext(c.ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &moved)
	return truncation{busy: busy != 0, walSize: c.walSize(), err: err}
}
