package store

import (
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// busyTimeout is how long (ms) a connection waits for a lock another
// connection holds before it gives up with SQLITE_BUSY.
const busyTimeout = 5000

// uriPath escapes what would end the path of a "file:" URI early.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// openDB opens a pool on path with the app's pragmas, set on every
// connection the pool opens. journal_size_limit makes SQLite cut a WAL
// that grew under load back to walLimit when it starts it over.
func openDB(path string, readOnly bool, extra ...string) (*sql.DB, error) {
	q := url.Values{}
	pragmas := []string{"busy_timeout(" + strconv.Itoa(busyTimeout) + ")", "foreign_keys(1)", "journal_mode(WAL)",
		"synchronous(NORMAL)", "journal_size_limit(" + strconv.Itoa(walLimit) + ")"}
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
