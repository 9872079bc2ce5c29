package contacts

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// movedDomain records, in the book's own file, that the contacts of the
// main database were moved in (version 1), so that they are moved once.
const movedDomain = "contacts-moved"

// moveLegacy copies the contacts an older whoiscalling kept in the main
// database into the book's file: read in one read transaction, written
// in one transaction together with the movedDomain mark, so a crash
// leaves either everything moved or nothing. IDs are kept (calls refer
// to them) and so is the highest ID ever given, so none is reused.
func (b *Book) moveLegacy(ctx context.Context, legacy *store.Store) error {
	if has, err := hasContacts(ctx, legacy); err != nil || !has {
		return err
	}
	if moved, err := b.st.Version(movedDomain); err != nil || moved > 0 {
		return err
	}
	if err := legacy.Migrate("contacts", migrations); err != nil {
		return fmt.Errorf("bring the contacts in %s up to date: %w", legacy.Path(), err)
	}
	all, seq, err := readLegacy(ctx, legacy)
	if err != nil {
		return fmt.Errorf("read the contacts in %s: %w", legacy.Path(), err)
	}
	err = b.st.Tx(ctx, func(tx *sql.Tx) error { return writeMoved(ctx, tx, all, seq) })
	if err != nil {
		return fmt.Errorf("move the contacts from %s to %s: %w", legacy.Path(), b.st.Path(), err)
	}
	b.log.Info("contacts moved into their own file", "contacts", len(all), "from", legacy.Path(), "to", b.st.Path())
	return nil
}

func hasContacts(ctx context.Context, st *store.Store) (bool, error) {
	var n int
	err := st.R.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='contacts'`).Scan(&n)
	return n > 0, err
}

// readLegacy reads every contact and the AUTOINCREMENT counter from one
// snapshot of the main database.
func readLegacy(ctx context.Context, legacy *store.Store) ([]*Contact, int64, error) {
	tx, err := legacy.R.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	all, err := loadContacts(ctx, tx)
	if err != nil {
		return nil, 0, err
	}
	nums, err := loadNumbers(ctx, tx)
	if err != nil {
		return nil, 0, err
	}
	attach(all, nums)
	var seq int64
	err = tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name='contacts'), 0)`).Scan(&seq)
	return all, seq, err
}

// writeMoved writes the moved contacts, unless another process moved
// them first (the mark is already there).
func writeMoved(ctx context.Context, tx *sql.Tx, all []*Contact, seq int64) error {
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO schema_migrations (domain, version) VALUES (?, 1)`, movedDomain)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	w := newWriter(ctx, tx)
	for _, c := range all {
		if err := w.insert(c); err != nil {
			return err
		}
	}
	if err := w.finish(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM sqlite_sequence WHERE name='contacts';
		INSERT INTO sqlite_sequence (name, seq) SELECT 'contacts', MAX(?, COALESCE(MAX(id), 0)) FROM contacts;
		UPDATE book_version SET version = version + 1 WHERE id = 1`, seq)
	return err
}
