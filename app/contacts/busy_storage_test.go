package contacts

import (
	"bytes"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// TestImportDoesNotStallCallWrites writes call-like rows to the main
// database, as the running app does for each webhook, through a store of
// its own (another process), while a large import runs. Every write must
// succeed, and none may wait for the import: the import holds the lock
// of the book's own file only. (With the contacts in the main database
// a write waited for the whole import, seconds, or failed as locked.)
func TestImportDoesNotStallCallWrites(t *testing.T) {
	n := 20_000 // under the race detector, an import of seconds
	if testing.Short() {
		n = 5_000
	}
	dir := t.TempDir()
	main, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer main.Close()
	book := openBookIn(t, dir, main)
	app, err := store.Open(dir) // the running app, another process
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if err := app.Migrate("test-calls", []string{`CREATE TABLE calls_like (id INTEGER PRIMARY KEY, event TEXT NOT NULL)`}); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes int
	var slowest time.Duration
	var failed []error
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			start := time.Now()
			err := app.Tx(ctx, func(tx *sql.Tx) error {
				_, err := tx.Exec(`INSERT INTO calls_like (event) VALUES ('newCall')`)
				return err
			})
			slowest = max(slowest, time.Since(start))
			writes++
			if err != nil {
				failed = append(failed, err)
			}
			time.Sleep(2 * time.Millisecond)
		}
	})
	rep, err := book.Import(ctx, bytes.NewReader(benchVCards(n)), "big.vcf", nil)
	close(stop)
	wg.Wait()
	if err != nil || rep.Imported != n {
		t.Fatalf("Import = %+v, %v; want %d imported", rep, err, n)
	}
	t.Logf("%d call writes during the import of %d contacts; the slowest took %v", writes, n, slowest)
	if len(failed) > 0 {
		t.Errorf("%d of %d call writes failed during the import, the first: %v", len(failed), writes, failed[0])
	}
	if writes == 0 {
		t.Fatal("no call was written during the import")
	}
	if slowest > time.Second { // generous: the machine is shared; the old layout waited the whole import
		t.Errorf("a call write waited %v during the import", slowest)
	}
	var rows int
	if err := app.R.QueryRow(`SELECT count(*) FROM calls_like`).Scan(&rows); err != nil || rows != writes-len(failed) {
		t.Errorf("%d call rows stored (%v), want %d", rows, err, writes-len(failed))
	}
}
