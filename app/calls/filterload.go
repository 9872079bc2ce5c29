package calls

import (
	"context"
	"database/sql"
)

// loadKeys fills the key filter from the stored calls in the background;
// the webhook path looks every unknown push up in the store until it is
// ready. Keys of calls made meanwhile go straight into t.keys.
func (t *Tracker) loadKeys() {
	defer t.done.Done()
	t.mu.Lock()
	f := t.keys.empty()
	t.mu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-t.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	rows, err := t.st.R.QueryContext(ctx, `SELECT leg_key FROM calls`)
	if err == nil {
		err = addKeys(&f, rows)
	}
	if err != nil {
		if ctx.Err() == nil {
			t.log.Warn("cannot load the keys of the stored calls; every new call will be looked up", "err", err)
		}
		return
	}
	t.mu.Lock()
	t.keys.merge(f)
	t.keys.ready = true
	t.mu.Unlock()
}

type keyRows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}

// addKeys reads the keys into one reused buffer: at 100,000 calls a
// string each was megabytes of start-up garbage.
func addKeys(f *keyFilter, rows keyRows) error {
	defer rows.Close()
	var key sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&key); err != nil {
			return err
		}
		f.addBytes(key)
	}
	return rows.Err()
}
