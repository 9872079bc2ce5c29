package contacts

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// Add stores a new contact and returns it with its ID and times. It
// fails, changing nothing, when the contact has no name or company, a
// number cannot be read (*NumberError), or a number belongs to another
// contact (*DuplicateError).
func (b *Book) Add(ctx context.Context, c Contact) (Contact, error) {
	c, err := b.normalize(c)
	if err != nil {
		return Contact{}, err
	}
	b.wmu.Lock()
	defer b.wmu.Unlock()
	err = b.change(ctx, func() error {
		if err := b.checkOwners(&c, 0); err != nil {
			return err
		}
		now := b.now()
		c.Created, c.Updated = now, now
		err := b.tx(ctx, func(tx *sql.Tx) error {
			w := newWriter(ctx, tx)
			var err error
			if c.ID, err = w.nextID(); err != nil {
				return err
			}
			if err := w.insert(&c); err != nil {
				return err
			}
			return w.finish()
		})
		if err != nil {
			return fmt.Errorf("add the contact: %w", err)
		}
		return nil
	})
	if err != nil {
		return Contact{}, err
	}
	b.log.Debug("contact added", "id", c.ID, "name", c.DisplayName())
	b.commit([]*Contact{c.clone()})
	return c, nil
}

// Update replaces the contact with c.ID by c (its numbers too), keeping
// its created time. A copy of a Match's contact keeps the stored values
// of the fields it lacks (see Match). It fails like Add, or with
// ErrNotFound.
func (b *Book) Update(ctx context.Context, c Contact) (Contact, error) {
	c, err := b.normalize(c)
	if err != nil {
		return Contact{}, err
	}
	b.wmu.Lock()
	defer b.wmu.Unlock()
	err = b.change(ctx, func() error {
		old, err := b.Get(c.ID)
		if err != nil {
			return err
		}
		if err := b.checkOwners(&c, c.ID); err != nil {
			return err
		}
		c.Created, c.Updated = old.Created, b.now()
		if c.partial {
			keepStored(&c, &old)
		}
		err = b.tx(ctx, func(tx *sql.Tx) error {
			w := newWriter(ctx, tx)
			if err := w.update(&c, &old); err != nil {
				return err
			}
			return w.finish()
		})
		if err != nil {
			return fmt.Errorf("update contact %d: %w", c.ID, err)
		}
		return nil
	})
	if err != nil {
		return Contact{}, err
	}
	b.log.Debug("contact updated", "id", c.ID, "name", c.DisplayName())
	b.commit([]*Contact{c.clone()})
	return c, nil
}

// keepStored fills in the fields a contact from a Match lacks (see
// Match) from the stored contact, unless c sets them.
func keepStored(c, old *Contact) {
	for _, f := range [...][2]*string{{&c.Source, &old.Source}, {&c.RemoteID, &old.RemoteID},
		{&c.ETag, &old.ETag}, {&c.synced, &old.synced}} {
		if *f[0] == "" {
			*f[0] = *f[1]
		}
	}
	c.partial = false
}

// checkOwners fails when a number of c belongs to a contact other than
// self.
func (b *Book) checkOwners(c *Contact, self int64) error {
	x := b.idx.Load()
	for _, n := range c.Numbers {
		if s, ok := x.owner(n); ok && x.ids[s] != self {
			var o Contact
			if _, err := x.decode(s, &o, nil); err != nil {
				return fmt.Errorf("check the numbers: %w", err)
			}
			return &DuplicateError{Number: phone.Number{E164: n.E164, Switchboard: n.Switchboard, Raw: n.Raw},
				OwnerID: o.ID, Owner: o.DisplayName()}
		}
	}
	return nil
}
