package contacts

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The book's file holds a version number that every change moves on by
// one, in the change's own transaction. A book whose index matches
// version v knows that a higher number means another process changed
// the book, and reloads it (see Watch).
const versionDomain = "contacts-version"

var versionSteps = []string{
	`CREATE TABLE book_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
	INSERT INTO book_version (id, version) VALUES (1, 0);`,
}

// ErrConflict means another process changed the contact book between
// the moment a change was checked and the moment it was to be written.
// Nothing was written; the book has reloaded, so trying again works.
var ErrConflict = errors.New("the contact book was changed by another program meanwhile: try again")

// version is the stored version of the book.
func (b *Book) version(ctx context.Context) (int64, error) {
	var v int64
	err := b.st.R.QueryRowContext(ctx, `SELECT version FROM book_version WHERE id = 1`).Scan(&v)
	return v, err
}

// bump moves the stored version on inside a change's transaction. It
// returns ErrConflict when another process changed the book since the
// index was loaded: the change was checked against an old book. The
// transaction holds the write lock, so no one can change it meanwhile.
// commit makes the new version the one seen.
func (b *Book) bump(ctx context.Context, tx *sql.Tx) error {
	var v int64
	err := tx.QueryRowContext(ctx, `UPDATE book_version SET version = version + 1 WHERE id = 1 RETURNING version`).Scan(&v)
	if err != nil {
		return fmt.Errorf("count the change: %w", err)
	}
	if v-1 != b.seen.Load() {
		return ErrConflict
	}
	b.pending = v
	return nil
}

// tx runs fn in a write transaction that counts the change (bump).
func (b *Book) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	err := b.st.Tx(ctx, func(tx *sql.Tx) error {
		if err := b.bump(ctx, tx); err != nil {
			return err
		}
		return fn(tx)
	})
	if err != nil {
		b.pending = 0 // rolled back: the version did not move
	}
	return err
}

// countLate counts a change that was written without bump (a write path
// that did not go through tx or plan.write, such as a Sync that only
// removes), so that other processes still see it. It runs after the
// change's commit, in a transaction of its own; if yet another process
// wrote in between, the index stays marked stale and the next catch-up
// reloads it.
func (b *Book) countLate() {
	ctx := context.Background()
	var v int64
	err := b.st.Tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `UPDATE book_version SET version = version + 1 WHERE id = 1 RETURNING version`).Scan(&v)
	})
	if err != nil {
		b.log.Warn("counting a change of the contact book failed: other programs may miss it", "err", err)
		return
	}
	b.seen.CompareAndSwap(v-1, v)
}
