package carddav

import (
	"context"
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// Result says what a sync did.
type Result struct {
	// Report is what the book did: added (Imported), Updated, Removed,
	// Unchanged, Skipped, with the problems.
	contacts.Report
	// AddressBooks are the URLs of the books synced.
	AddressBooks []string
	// Cards is how many cards the books hold; Fetched how many were
	// downloaded this time (the others had not changed).
	Cards, Fetched int
	// Unreadable is how many cards could not be read as vCards (logged
	// at Warn, left out).
	Unreadable int
}

// Sync brings the book in step with the account's address books: it
// finds them, downloads the cards that changed, and hands all of them
// to book.Sync with source Source. On an error nothing is changed.
func (c *Client) Sync(ctx context.Context, book Book) (Result, error) {
	st := loadState(c.opt.StateFile, c.account(), c.log)
	books, err := c.discover(ctx)
	if err != nil {
		return Result{}, err
	}
	var res Result
	next := map[string]*bookState{}
	for _, b := range books {
		key := b.url.String()
		bs := st.Books[key]
		if bs == nil {
			bs = &bookState{Cards: map[string]cachedCard{}}
		}
		n, err := c.refresh(ctx, b, bs)
		if err != nil {
			return Result{}, err
		}
		res.Fetched += n
		res.AddressBooks = append(res.AddressBooks, key)
		next[key] = bs
	}
	st.Books = next
	remote, unreadable := st.contacts(c.opt.ReadCard, c.log)
	rep, err := book.Sync(ctx, Source, remote)
	if err != nil {
		return Result{}, fmt.Errorf("store the contacts from CardDAV: %w", err)
	}
	res.Report, res.Cards, res.Unreadable = rep, len(remote)+unreadable, unreadable
	if err := st.save(c.opt.StateFile); err != nil {
		// The book is right; the next run downloads every card again.
		c.log.Warn("cannot keep the CardDAV sync state", "file", c.opt.StateFile, "err", err)
	}
	c.log.Debug("CardDAV synced", "books", len(books), "cards", res.Cards, "fetched", res.Fetched,
		"added", rep.Imported, "updated", rep.Updated, "removed", rep.Removed, "unchanged", rep.Unchanged)
	return res, nil
}
