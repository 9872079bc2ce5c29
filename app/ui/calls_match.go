package ui

import (
	"fmt"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// matchText explains how the caller was recognised when the call rang:
// by one of a contact's numbers, as an extension of a company's
// switchboard, or not at all (then where the number is from).
func (w *CallsWindow) matchText(c calls.Call, p party) string {
	num := p.Display
	switch {
	case p.Anonymous():
		return "The caller withheld the number, so nobody could be matched."
	case c.Match == string(contacts.MatchSwitchboard):
		return fmt.Sprintf("%s is an extension of the switchboard of %s%s.", num, c.Contact, w.switchboardOf(p.Number))
	case c.Contact != "":
		return fmt.Sprintf("%s is one of the numbers of %s (exact match).", num, c.Contact)
	case p.Name != "":
		return fmt.Sprintf("%s was not in your contacts when it rang; it belongs to %s now.", num, p.Name)
	}
	return num + " is not in your contacts. " + whereFrom(p.Number, w.region)
}

// switchboardOf is " (0211 63555-0)": the switchboard number that the
// book matches number to now, if it still does.
func (w *CallsWindow) switchboardOf(number string) string {
	m, ok := w.book.Lookup(number)
	if !ok || m.Kind != contacts.MatchSwitchboard {
		return ""
	}
	sb := phone.Number{E164: m.Entry.E164, Switchboard: m.Entry.Switchboard}
	return " (" + sb.Display(w.region) + ")"
}

// whereFrom says where an unknown number is registered and what kind of
// line it is, from the offline numbering plan.
func whereFrom(number, region string) string {
	info := phone.Describe(number, region)
	switch {
	case info.Place == "":
		return ""
	case info.LineType == phone.LineUnknown:
		return "It is registered in " + info.Place + "."
	}
	return "It is a " + i18n.LineType(info.LineType) + " number from " + info.Place + "."
}
