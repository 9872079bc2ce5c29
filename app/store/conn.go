package store

import (
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// cacheKiB is each connection's page cache, as SQLite's cache_size
// takes it (negative: KiB).
const cacheKiB = -512

// busyTimeout is how long (ms) a connection waits for a lock another
// connection holds before it gives up with SQLITE_BUSY.
const busyTimeout = 5000

// uriPath escapes what would end the path of a "file:" URI early.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// openDB opens a pool on path with the app's pragmas, set on every
// connection the pool opens. journal_size_limit makes SQLite cut a WAL
// that grew under load back to walLimit when it starts it over.
// cache_size keeps each connection's page cache at 512 KiB (SQLite's
// default is 2 MiB): the pure-Go SQLite never hands freed memory back,
// so the caches that loading the book and the history filled (a dozen
// connections over the two databases) stayed in the tray app's memory,
// about 12 MiB; the pages come from the OS's file cache just as fast.
func openDB(path string, readOnly bool, extra ...string) (*sql.DB, error) {
	q := url.Values{}
	pragmas := []string{"busy_timeout(" + strconv.Itoa(busyTimeout) + ")", "foreign_keys(1)", "journal_mode(WAL)",
		"synchronous(NORMAL)", "journal_size_limit(" + strconv.Itoa(walLimit) + ")", "cache_size(" + strconv.Itoa(cacheKiB) + ")"}
	for _, p := range append(pragmas, extra...) {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+uriPath.Replace(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}
