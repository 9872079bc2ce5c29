package i18n

import (
	"strings"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// Party is the other side of a call as a person reads it: the one notion
// of "who was it" that the tray, the window rows, popups and the commands
// share. It carries what the tracker's lookup found when the call rang.
type Party struct {
	// Number is E.164, "anonymous", or the raw value.
	Number string
	// Display is the number formatted for the region ("" if anonymous).
	Display string
	// Name, Company, City and Note are the contact's, when one matched.
	Name, Company, City, Note string
	ContactID                 int64
	VIP                       bool
	// Place is where an unknown number is registered, with its line type
	// ("Düsseldorf · fixed line").
	Place string
}

// PartyOf describes the other side of c for a reader in region.
func PartyOf(c calls.Call, region string) Party {
	p := Party{Number: c.Party(), Name: Clean(c.Contact), Company: Clean(c.Company), City: Clean(c.City),
		Note: Clean(c.Note), ContactID: c.ContactID, VIP: c.VIP}
	if p.Name == "" && p.Company != "" {
		// A contact with a company and no name is named by the company.
		p.Name, p.Company = p.Company, ""
	}
	if p.Anonymous() {
		return p
	}
	p.Display = phone.Display(p.Number, region)
	switch {
	case p.Name != "":
	case c.Place != "":
		// Found when the call rang: no place names to load for a row.
		p.Place = join(" · ", Clean(c.Place), LineType(phone.LineTypeOf(p.Number, region)))
	default:
		info := phone.Describe(p.Number, region)
		p.Place = join(" · ", info.Place, LineType(info.LineType))
	}
	return p
}

// Anonymous reports whether the caller withheld the number.
func (p Party) Anonymous() bool { return p.Number == webhook.Anonymous || p.Number == "" }

// Title is the name, else the formatted number, else "Anonymous caller".
func (p Party) Title() string {
	switch {
	case p.Name != "":
		return p.Name
	case p.Anonymous():
		return T("Anonymous caller")
	}
	return p.Display
}

// WithCompany is the title with the company: "Anna Mayer — ACME".
func (p Party) WithCompany() string {
	if p.Name == "" {
		return p.Title()
	}
	return join(" — ", p.Name, p.Company)
}

// join joins the parts that are not empty.
func join(sep string, parts ...string) string {
	out := make([]string, 0, len(parts))
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}
