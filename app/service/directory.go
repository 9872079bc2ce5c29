package service

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// directory adapts the contact book to what the tracker needs: the
// lookup's answer travels with the call, so popups and windows never ask
// the book again. Until the book has loaded, a lookup waits for it; a
// book that failed to load knows nobody.
type directory struct{ s *Service }

func (d directory) Caller(number string) (calls.Caller, bool) {
	if d.s.Ready() != nil {
		return calls.Caller{}, false
	}
	m, ok := d.s.Book.Lookup(number)
	if !ok {
		return calls.Caller{Place: phone.Place(number, d.s.Region())}, false
	}
	return m.Caller(), true
}

// renameWindow is how many recent calls a book change looks at: the
// ones the tray and the first page of the window show, and more.
const renameWindow = 500

// followBook names the recent calls whose number was just saved as a
// contact, after every change of the book (several changes in a row are
// handled once), until ctx ends. The book's callback only signals: it
// may run on the UI goroutine, which must not wait for the database.
func (s *Service) followBook(ctx context.Context) {
	kick := make(chan struct{}, 1)
	s.Book.OnChange(func() {
		select {
		case kick <- struct{}{}:
		default:
		}
	})
	for {
		select {
		case <-ctx.Done():
			return
		case <-kick:
			s.nameRecentCalls()
		}
	}
}

func (s *Service) nameRecentCalls() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	recent, err := s.Tracker.Recent(ctx, calls.Query{Limit: renameWindow})
	if err != nil {
		s.Logger.Warn("cannot read the recent calls after a contact change", "err", err)
		return
	}
	var numbers []string
	seen := map[string]bool{}
	for _, c := range recent {
		p := c.Party()
		if c.ContactID != 0 || seen[p] {
			continue
		}
		seen[p] = true
		numbers = append(numbers, p) // Rename looks each up in the book
	}
	if len(numbers) == 0 {
		return
	}
	if _, err := s.Tracker.Rename(ctx, numbers); err != nil {
		s.Logger.Warn("cannot name the calls of a new contact", "err", err)
	}
}
