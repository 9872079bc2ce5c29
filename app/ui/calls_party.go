package ui

import (
	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// party is the other side of a call as the window shows it: what the
// tracker's lookup found when the call rang (i18n.Party), and, for the
// call shown in the details, the contact's flags now.
type party struct {
	i18n.Party
	// Blocked is the contact's flag now (details only).
	Blocked bool
}

// partyOf describes the other side of c for a row: no lookup, the call
// carries the answer.
func (w *CallsWindow) partyOf(c calls.Call) party {
	return party{Party: i18n.PartyOf(c, w.region)}
}

// partyNow describes the other side of the call the details show, with
// the contact as the book has it now: one lookup per shown call, so the
// actions edit or unblock the right contact.
func (w *CallsWindow) partyNow(c calls.Call) party {
	p := w.partyOf(c)
	if p.Anonymous() {
		return p
	}
	if m, ok := w.book.Lookup(p.Number); ok {
		p.Name, p.Company, p.ContactID = i18n.Clean(m.Contact.DisplayName()), i18n.Clean(m.Contact.Company), m.Contact.ID
		p.City, p.Note = i18n.Clean(m.Contact.City), i18n.Clean(m.Contact.Note)
		p.Blocked, p.VIP, p.Place = m.Contact.Blocked, m.Contact.VIP, ""
	}
	return p
}
