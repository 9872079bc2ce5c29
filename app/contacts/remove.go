package contacts

import (
	"context"
	"fmt"
)

// Remove deletes a contact and its numbers.
func (b *Book) Remove(ctx context.Context, id int64) error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	if _, err := b.Get(id); err != nil {
		return err
	}
	if _, err := b.st.W.ExecContext(ctx, `DELETE FROM contacts WHERE id=?`, id); err != nil {
		return fmt.Errorf("remove contact %d: %w", id, err)
	}
	b.log.Debug("contact removed", "id", id)
	b.commit(nil, id)
	return nil
}

// SetBlocked blocks or unblocks a contact: a blocked caller is rejected.
func (b *Book) SetBlocked(ctx context.Context, id int64, blocked bool) error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	c, err := b.Get(id)
	if err != nil || c.Blocked == blocked {
		return err
	}
	c.Blocked, c.Updated = blocked, b.now()
	_, err = b.st.W.ExecContext(ctx, `UPDATE contacts SET blocked=?, updated=? WHERE id=?`,
		blocked, c.Updated.Format(timeFormat), id)
	if err != nil {
		return fmt.Errorf("block contact %d: %w", id, err)
	}
	b.commit([]*Contact{&c})
	return nil
}
