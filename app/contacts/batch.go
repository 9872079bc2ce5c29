package contacts

import (
	"context"
	"database/sql"
	"strings"
)

// rowsPerInsert is how many rows one INSERT statement carries. One
// statement per row costs about 8 µs in modernc's SQLite; batching is
// what makes a 100,000-contact import take seconds, not minutes.
const rowsPerInsert = 200

// batch inserts rows into one table, many rows per prepared statement.
type batch struct {
	tx   *sql.Tx
	head string // "INSERT INTO t(a,b) VALUES"
	cols int
	full *sql.Stmt // prepared for rowsPerInsert rows, on first use
	args []any
}

func newBatch(tx *sql.Tx, table string, cols ...string) *batch {
	return &batch{tx: tx, cols: len(cols),
		head: "INSERT INTO " + table + "(" + strings.Join(cols, ",") + ") VALUES"}
}

// add queues one row and writes the batch when it is full.
func (b *batch) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) < b.cols*rowsPerInsert {
		return nil
	}
	if b.full == nil {
		st, err := b.tx.PrepareContext(ctx, b.sql(rowsPerInsert))
		if err != nil {
			return err
		}
		b.full = st
	}
	_, err := b.full.ExecContext(ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// flush writes the rows still queued.
func (b *batch) flush(ctx context.Context) error {
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(ctx, b.sql(len(b.args)/b.cols), b.args...)
	b.args = b.args[:0]
	return err
}

func (b *batch) close() {
	if b.full != nil {
		b.full.Close()
	}
}

func (b *batch) sql(rows int) string {
	row := "(?" + strings.Repeat(",?", b.cols-1) + ")"
	return b.head + row + strings.Repeat(","+row, rows-1)
}
