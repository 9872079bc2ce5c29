package ui

import (
	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// matchText explains how the caller was recognised when the call rang:
// by one of a contact's numbers, as an extension of a company's
// switchboard, or not at all (then where the number is from).
func (w *CallsWindow) matchText(c calls.Call, p party) string {
	d := map[string]any{"Number": p.Display, "Who": i18n.Clean(c.Contact), "Now": p.Name}
	switch {
	case p.Anonymous():
		return i18n.T("The caller withheld the number, so nobody could be matched.")
	case c.Match == string(contacts.MatchSwitchboard):
		d["Switchboard"] = w.switchboardOf(p.Number)
		return i18n.T("{{.Number}} is an extension of the switchboard of {{.Who}}{{.Switchboard}}.", d)
	case c.Contact != "":
		return i18n.T("{{.Number}} is one of the numbers of {{.Who}} (exact match).", d)
	case p.Name != "":
		return i18n.T("{{.Number}} was not in your contacts when it rang; it belongs to {{.Now}} now.", d)
	}
	return joinNonEmpty(" ", i18n.T("{{.Number}} is not in your contacts.", d), whereFrom(p.Number, w.region))
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
		return i18n.T("It is registered in {{.Place}}.", map[string]any{"Place": info.Place})
	}
	return i18n.T("It is a {{.Type}} number from {{.Place}}.", map[string]any{"Type": i18n.LineType(info.LineType), "Place": info.Place})
}
