package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWALStaysBounded writes from one goroutine without pause while two
// readers keep opening short read transactions, and checks that the
// checkpointer cuts the WAL back under its limit. A passive checkpoint
// alone never shrinks the file: the test would wait for it in vain.
func TestWALStaysBounded(t *testing.T) {
	s := open(t, t.TempDir())
	if err := s.Migrate("test", steps); err != nil {
		t.Fatal(err)
	}
	const limit = 1 << 20
	var mu sync.Mutex
	var runs []truncation
	s.ckpt.stop()
	c, err := newCheckpointer(s.Path(), s.W)
	if err != nil {
		t.Fatal(err)
	}
	c.limit, c.tick = limit, 5*time.Millisecond
	c.truncated = func(r truncation) { mu.Lock(); runs = append(runs, r); mu.Unlock() }
	s.ckpt = c
	c.start()

	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() { readUntil(t, s, stop) })
	}
	row := strings.Repeat("x", 3000)
	for i := range 1200 { // about 5 MiB of WAL frames: five times the limit
		if _, err := s.W.Exec(`INSERT INTO t(v) VALUES (?)`, row); err != nil {
			t.Fatalf("write %d failed: %v", i, err)
		}
	}
	close(stop)
	readers.Wait()

	deadline := time.Now().Add(30 * time.Second)
	for c.walSize() > limit && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if size := c.walSize(); size > limit {
		t.Errorf("WAL is %d bytes after the writes, want at most the limit %d", size, limit)
	}
	mu.Lock()
	defer mu.Unlock()
	cut := 0
	for _, r := range runs {
		if r.err != nil {
			t.Errorf("truncating checkpoint failed: %v", r.err)
		}
		if !r.busy {
			cut++
			if r.walSize != 0 {
				t.Errorf("WAL is %d bytes right after a truncating checkpoint that was not busy, want 0", r.walSize)
			}
		}
	}
	t.Logf("%d truncating checkpoints, %d cut the WAL", len(runs), cut)
	if cut == 0 {
		t.Errorf("no truncating checkpoint cut the WAL (%d ran)", len(runs))
	}
}

// readUntil opens short read transactions until stop is closed.
func readUntil(t *testing.T, s *Store, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		tx, err := s.R.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
		if err != nil {
			t.Errorf("begin read: %v", err)
			return
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM t`).Scan(&n); err != nil {
			t.Errorf("read: %v", err)
		}
		time.Sleep(time.Millisecond)
		tx.Rollback()
	}
}

func TestJournalSizeLimit(t *testing.T) {
	s := open(t, t.TempDir())
	for name, db := range map[string]*sql.DB{"writer": s.W, "reader": s.R, "checkpointer": s.ckpt.db} {
		var got int
		if err := db.QueryRow(`PRAGMA journal_size_limit`).Scan(&got); err != nil || got != walLimit {
			t.Errorf("%s: PRAGMA journal_size_limit = %d, %v; want %d", name, got, err, walLimit)
		}
	}
}
