package service

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/team"
)

// teamChanged applies an entry of the team's block list to the book, or,
// where the book changed later, tells the team the book's state. The
// marker that ends the entries present at the start makes the book's
// blocks that the team never heard of known to it.
func (b *blockSync) teamChanged(ctx context.Context, e team.BlockEntry) {
	if e.Number == "" {
		if !b.loaded {
			b.loaded = true
			for n := range b.local {
				b.tell(ctx, n, true)
			}
		}
		return
	}
	b.known[e.Number] = e
	if e.Blocked == b.local[e.Number] {
		return
	}
	c, ok := b.contactOf(e.Number)
	if ok && c.Updated.After(e.At) {
		b.tell(ctx, e.Number, c.Blocked)
		return
	}
	b.setInBook(ctx, c, ok, e)
}

// contactOf is the contact one of whose numbers is exactly number, read
// in full (a Match carries no times).
func (b *blockSync) contactOf(number string) (contacts.Contact, bool) {
	m, ok := b.r.s.Book.Lookup(number)
	if !ok || m.Kind != contacts.MatchExact || m.Entry.Switchboard {
		return contacts.Contact{}, false
	}
	c, err := b.r.s.Book.Get(m.Contact.ID)
	if err != nil {
		return contacts.Contact{}, false
	}
	return c, true
}

// setInBook blocks or unblocks the number's contact, adding a contact
// named by the number for a blocked stranger.
func (b *blockSync) setInBook(ctx context.Context, c contacts.Contact, found bool, e team.BlockEntry) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var err error
	switch {
	case found:
		err = b.r.s.Book.SetBlocked(ctx, c.ID, e.Blocked)
	case e.Blocked:
		_, err = b.r.s.Book.Add(ctx, contacts.Contact{LastName: e.Number, Blocked: true,
			Numbers: []contacts.Number{{Label: contacts.LabelOther, Raw: e.Number}}})
	}
	if err != nil {
		b.r.s.Logger.Warn("team: a change of the team's block list was not saved in the contact book", "err", err)
		return
	}
	b.local = b.blockedInBook(ctx)
	b.r.s.Logger.Debug("team: block list change saved in the book", "number", e.Number, "blocked", e.Blocked)
}
