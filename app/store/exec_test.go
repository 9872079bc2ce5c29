package store

import (
	"context"
	"errors"
	"testing"
)

// TestExecStoresAndClassifies: Exec commits a prepared statement on its
// own (the row is there after a reopen), and a full disk comes back as
// *DiskFullError.
func TestExecStoresAndClassifies(t *testing.T) {
	dir := t.TempDir()
	st, err := openStore(dir, FileName, "max_page_count(20)")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if _, err := st.W.Exec(`CREATE TABLE t (v BLOB)`); err != nil {
		t.Fatalf("create: %v", err)
	}
	stmt, err := st.W.Prepare(`INSERT INTO t (v) VALUES (?)`)
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	if _, err := st.Exec(context.Background(), stmt, []byte("kept")); err != nil {
		t.Fatalf("Exec() = %v", err)
	}
	_, err = st.Exec(context.Background(), stmt, make([]byte, 1<<20))
	var full *DiskFullError
	if !errors.As(err, &full) {
		t.Errorf("Exec() of 1 MiB into 20 pages = %v, want a *DiskFullError", err)
	}
	stmt.Close()
	st.Close()
	st, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	var n int
	if err := st.R.QueryRow(`SELECT COUNT(*) FROM t WHERE v = ?`, []byte("kept")).Scan(&n); err != nil || n != 1 {
		t.Errorf("rows after reopen = %d, %v, want 1", n, err)
	}
}
