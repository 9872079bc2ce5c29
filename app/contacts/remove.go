package contacts

import (
	"context"
	"database/sql"
	"fmt"
)

// Remove deletes a contact and its numbers.
func (b *Book) Remove(ctx context.Context, id int64) error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	err := b.change(ctx, func() error {
		if _, err := b.Get(id); err != nil {
			return err
		}
		err := b.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE id=?`, id)
			return err
		})
		if err != nil {
			return fmt.Errorf("remove contact %d: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.log.Debug("contact removed", "id", id)
	b.commit(nil, id)
	return nil
}

// SetBlocked blocks or unblocks a contact: a blocked caller is rejected.
func (b *Book) SetBlocked(ctx context.Context, id int64, blocked bool) error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	var c Contact
	changed := false
	err := b.change(ctx, func() error {
		var err error
		if c, err = b.Get(id); err != nil || c.Blocked == blocked {
			return err
		}
		c.Blocked, c.Updated = blocked, b.now()
		err = b.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE contacts SET blocked=?, updated=? WHERE id=?`,
				blocked, c.Updated.Format(timeFormat), id)
			return err
		})
		if err != nil {
			return fmt.Errorf("block contact %d: %w", id, err)
		}
		changed = true
		return nil
	})
	if err != nil || !changed {
		return err
	}
	b.commit([]*Contact{&c})
	return nil
}
