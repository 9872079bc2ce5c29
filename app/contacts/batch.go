package contacts

import (
	"context"
	"database/sql"
	"strings"
)

// rowsPerInsert is how many rows one INSERT statement carries at most.
// One statement per row costs about 8 µs in modernc's SQLite; batching
// is what makes a 100,000-contact import take seconds, not minutes.
const rowsPerInsert = 200

// batch inserts rows into one table, many rows per prepared statement.
type batch struct {
	tx    *sql.Tx
	head  string // "INSERT INTO t(a,b) VALUES"
	cols  int
	stmts map[int]*sql.Stmt // by number of rows, prepared on first use
	args  []any
	// parent is written before this batch, so that a row never reaches
	// the database before the row its foreign key refers to.
	parent *batch
}

func newBatch(tx *sql.Tx, table string, cols ...string) *batch {
	return &batch{tx: tx, cols: len(cols), stmts: map[int]*sql.Stmt{},
		head: "INSERT INTO " + table + "(" + strings.Join(cols, ",") + ") VALUES"}
}

// add queues one row and writes the batch when it is full.
func (b *batch) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) < b.cols*rowsPerInsert {
		return nil
	}
	return b.flush(ctx)
}

// flush writes the rows queued (the parent's first).
func (b *batch) flush(ctx context.Context) error {
	if len(b.args) == 0 {
		return nil
	}
	if b.parent != nil {
		if err := b.parent.flush(ctx); err != nil {
			return err
		}
	}
	rows := len(b.args) / b.cols
	st, ok := b.stmts[rows]
	if !ok {
		var err error
		if st, err = b.tx.PrepareContext(ctx, b.sql(rows)); err != nil {
			return err
		}
		b.stmts[rows] = st
	}
	_, err := st.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	return err
}

func (b *batch) close() {
	for _, st := range b.stmts {
		st.Close()
	}
}

func (b *batch) sql(rows int) string {
	row := "(?" + strings.Repeat(",?", b.cols-1) + ")"
	return b.head + row + strings.Repeat(","+row, rows-1)
}
