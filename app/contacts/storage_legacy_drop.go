package contacts

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// dropLegacy drops the contacts tables of the main database once every
// contact in them is in the loaded book, as it is: after a move, or after a crash
// between the move's commit and the drop. Contacts that are not in the
// book (an older whoiscalling wrote them after the move) are kept where
// they are, and a warning says so: nothing is ever dropped unmoved.
func (b *Book) dropLegacy(ctx context.Context, legacy *store.Store) error {
	if has, err := hasContacts(ctx, legacy); err != nil || !has {
		return err
	}
	missing, err := b.notInBook(ctx, legacy)
	if err != nil {
		return fmt.Errorf("compare the contacts in %s: %w", legacy.Path(), err)
	}
	if missing > 0 {
		b.log.Warn("the main database holds contacts that are not in the contact book's file; they are left there",
			"contacts", missing, "file", legacy.Path())
		return nil
	}
	err = legacy.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS contact_numbers; DROP TABLE IF EXISTS contacts;
			DROP TABLE IF EXISTS book_version;
			DELETE FROM schema_migrations WHERE domain IN (?, ?)`, "contacts", versionDomain)
		return err
	})
	if err != nil {
		return fmt.Errorf("drop the moved contacts tables in %s: %w", legacy.Path(), err)
	}
	return nil
}

// notInBook counts the contacts of the main database that the book does
// not hold as they are (by ID and data): an older whoiscalling run after
// the move starts IDs at 1 again, so an ID alone proves nothing.
func (b *Book) notInBook(ctx context.Context, legacy *store.Store) (int, error) {
	all, _, err := readLegacy(ctx, legacy)
	if err != nil {
		return 0, err
	}
	book, err := loadAll(ctx, b.st)
	if err != nil {
		return 0, err
	}
	byID := make(map[int64]*Contact, len(book))
	for _, c := range book {
		byID[c.ID] = c
	}
	missing := 0
	for _, c := range all {
		if have, ok := byID[c.ID]; !ok || !sameData(have, c) {
			missing++
		}
	}
	return missing, nil
}
