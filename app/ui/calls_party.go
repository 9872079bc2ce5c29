package ui

import (
	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// party is the other side of a call as the window shows it.
type party struct {
	Number  string // E.164, "anonymous", or the raw value
	Display string // the number formatted for the region
	Name    string // the contact's name; "" when nobody is known
	Company string
	Place   string // where an unknown number is registered, and its line type
	// ContactID is the contact the number belongs to now (0: none);
	// Blocked and VIP are that contact's flags.
	ContactID    int64
	Blocked, VIP bool
}

// Anonymous reports whether the caller withheld the number.
func (p party) Anonymous() bool { return p.Number == webhook.Anonymous || p.Number == "" }

// Title is the name, else the formatted number.
func (p party) Title() string {
	switch {
	case p.Name != "":
		return p.Name
	case p.Anonymous():
		return "Anonymous caller"
	}
	return p.Display
}

// partyOf describes the other side of c. The contact book decides the
// name now, so a contact added after the call names it; the name the
// call was matched to when it rang is kept for numbers no longer in the
// book.
func (w *CallsWindow) partyOf(c calls.Call) party {
	p := party{Number: c.Party()}
	if p.Anonymous() {
		return p
	}
	p.Display = phone.Display(p.Number, w.region)
	if m, ok := w.book.Lookup(p.Number); ok {
		p.Name, p.Company, p.ContactID = m.Contact.DisplayName(), m.Contact.Company, m.Contact.ID
		p.Blocked, p.VIP = m.Contact.Blocked, m.Contact.VIP
		return p
	}
	p.Name, p.Company = c.Contact, c.Company
	if p.Name == "" {
		info := phone.Describe(p.Number, w.region)
		p.Place = joinNonEmpty(" · ", info.Place, info.LineType)
	}
	return p
}
