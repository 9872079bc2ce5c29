package contacts

import (
	"context"
	"database/sql"
	"time"
)

// writer writes contacts in one transaction.
type writer struct {
	ctx              context.Context
	tx               *sql.Tx
	contacts, number *batch
	upd, del         *sql.Stmt // prepared on first update
	// lastTime and lastText remember the last time formatted: an import
	// gives every contact the same times.
	lastTime time.Time
	lastText string
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	w := &writer{ctx: ctx, tx: tx,
		contacts: newBatch(tx, "contacts", "id", "first_name", "last_name", "company", "city", "country",
			"note", "vip", "blocked", "created", "updated",
			"street", "postal_code", "source", "remote_id", "etag", "synced"),
		number: newBatch(tx, "contact_numbers", "e164", "switchboard", "contact_id", "pos", "label", "raw", "unverified"),
	}
	w.number.parent = w.contacts
	return w
}

// nextID is the first free contact ID; IDs are never reused.
func (w *writer) nextID() (int64, error) {
	var id int64
	err := w.tx.QueryRowContext(w.ctx, `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name='contacts'),0),
		COALESCE((SELECT MAX(id) FROM contacts),0)) + 1`).Scan(&id)
	return id, err
}

// insert queues a new contact (its ID already set) and its numbers.
func (w *writer) insert(c *Contact) error {
	err := w.contacts.add(w.ctx, c.ID, c.FirstName, c.LastName, c.Company, c.City, c.Country, c.Note,
		c.VIP, c.Blocked, w.format(c.Created), w.format(c.Updated),
		c.Street, c.PostalCode, c.Source, c.RemoteID, c.ETag, c.synced)
	if err != nil {
		return err
	}
	return w.numbers(c)
}

// update rewrites an existing contact and replaces its numbers: old is
// the contact as stored, whose numbers are deleted by their key at once;
// the new ones are queued.
func (w *writer) update(c, old *Contact) error {
	if w.upd == nil {
		var err error
		if w.upd, err = w.tx.PrepareContext(w.ctx, `UPDATE contacts SET first_name=?, last_name=?, company=?,
			city=?, country=?, note=?, vip=?, blocked=?, updated=?,
			street=?, postal_code=?, source=?, remote_id=?, etag=?, synced=? WHERE id=?`); err != nil {
			return err
		}
		if w.del, err = w.tx.PrepareContext(w.ctx, `DELETE FROM contact_numbers WHERE e164=? AND switchboard=?`); err != nil {
			return err
		}
	}
	_, err := w.upd.ExecContext(w.ctx, c.FirstName, c.LastName, c.Company, c.City, c.Country, c.Note,
		c.VIP, c.Blocked, w.format(c.Updated), c.Street, c.PostalCode, c.Source, c.RemoteID, c.ETag, c.synced, c.ID)
	if err != nil {
		return err
	}
	for _, n := range old.Numbers {
		if _, err := w.del.ExecContext(w.ctx, n.E164, n.Switchboard); err != nil {
			return err
		}
	}
	return w.numbers(c)
}

// format is t in the stored form. (== on purpose: the same instant in
// another location formats differently.)
func (w *writer) format(t time.Time) string {
	if t != w.lastTime || w.lastText == "" {
		w.lastTime, w.lastText = t, t.Format(timeFormat)
	}
	return w.lastText
}

func (w *writer) numbers(c *Contact) error {
	for i, n := range c.Numbers {
		if err := w.number.add(w.ctx, n.E164, n.Switchboard, c.ID, i, string(n.Label), n.Raw, string(n.Unverified)); err != nil {
			return err
		}
	}
	return nil
}

// finish writes what is queued (contacts first) and closes the
// statements.
func (w *writer) finish() error {
	defer w.contacts.close()
	defer w.number.close()
	for _, st := range []*sql.Stmt{w.upd, w.del} {
		if st != nil {
			defer st.Close()
		}
	}
	if err := w.contacts.flush(w.ctx); err != nil {
		return err
	}
	return w.number.flush(w.ctx)
}
