// Package contacts is the contact book that callers are looked up in.
//
// A Book keeps its contacts in SQLite (through app/store, tables
// migrated under the domain "contacts") and mirrors what lookups need in
// a compact in-memory index (a packed record per contact, numbers in
// sorted arrays; about 100 bytes a contact), updated after every
// committed change, so Lookup on the webhook path never waits on SQL.
// The fields the index does not hold (times, source) are read from SQL
// by Get, List, Export and the merges. Numbers are
// stored in E.164 (app/phone); a number written with the German
// switchboard mark "-0" is a prefix that every extension of that company
// matches. Lookup tries the exact number first, then the longest
// switchboard prefix.
//
// A number belongs to at most one contact: Add and Update refuse a
// number that another contact already has with a *DuplicateError that
// names the owner, and Import leaves such a number with its owner and
// reports it. Import reads vCard 2.1, 3.0 and 4.0, the CSV files of
// Google Contacts, Outlook and spreadsheets, and FRITZ!Box phone books;
// it merges by number (so importing a file twice changes nothing) and
// writes in one transaction. Export writes vCard 3.0, CSV or a FRITZ!Box
// phone book that import reads back. Sync keeps the contacts of a
// remote source (sipgate, a CardDAV server) in step without overwriting
// local edits.
package contacts

import (
	"slices"
	"strings"
	"time"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// Label says what kind of number a number is.
type Label string

// The labels a number can have.
const (
	LabelWork   Label = "work"
	LabelMobile Label = "mobile"
	LabelHome   Label = "home"
	LabelOther  Label = "other"
)

// Labels lists the labels in the order forms and exports show them.
var Labels = []Label{LabelWork, LabelMobile, LabelHome, LabelOther}

// Number is one of a contact's phone numbers.
type Number struct {
	Label Label
	// Raw is the number as it was typed or imported.
	Raw string
	// E164 is the number in E.164; for a switchboard, the prefix without
	// the trailing 0 ("+4921163555" for "+49 211 63555-0").
	E164 string
	// Switchboard is true for a company's central number written with
	// "-0": every number that starts with E164 belongs to the contact.
	Switchboard bool
	// Unverified is why libphonenumber doubts the number (too long, or
	// not a range in use in its country), or "" for a valid number. An
	// unverified number is kept because a caller may still have it; it
	// matches exactly, never as a switchboard. See phone.ParseLenient.
	Unverified phone.Reason
}

// Contact is a person or company in the book.
type Contact struct {
	ID                           int64
	FirstName, LastName, Company string
	Numbers                      []Number
	// The postal address: street and house number, postal code, city,
	// country (as written: "Deutschland", "DE").
	Street, PostalCode, City, Country string
	Note                              string
	// VIP contacts break through do-not-disturb.
	VIP bool
	// Blocked callers are rejected.
	Blocked          bool
	Created, Updated time.Time
	// Source is where the contact comes from: "" for the book's own
	// (typed or imported), else a Sync source such as "sipgate" or
	// "carddav:https://dav.example.com/anna/". RemoteID and ETag are the
	// source's id and version of it.
	Source, RemoteID, ETag string
	// synced is the contact as the source last sent it (JSON, see
	// sync.go), so Sync can tell local edits from remote changes.
	synced string
	// partial marks a contact from a Match: it lacks the fields kept in
	// SQL only, which Update takes from the stored contact.
	partial bool
}

// DisplayName is "First Last", else the company, else the first number.
func (c Contact) DisplayName() string {
	if name := strings.TrimSpace(c.FirstName + " " + c.LastName); name != "" {
		return name
	}
	if c.Company != "" {
		return c.Company
	}
	if len(c.Numbers) > 0 {
		if c.Numbers[0].Raw != "" {
			return c.Numbers[0].Raw
		}
		return c.Numbers[0].E164
	}
	return ""
}

// clone is a copy of c that shares no memory with it.
func (c *Contact) clone() *Contact {
	d := *c
	d.Numbers = slices.Clone(c.Numbers)
	return &d
}

// sameData reports whether a and b hold the same data, ignoring ID and
// times.
func sameData(a, b *Contact) bool {
	return a.FirstName == b.FirstName && a.LastName == b.LastName && a.Company == b.Company &&
		a.Street == b.Street && a.PostalCode == b.PostalCode && a.City == b.City && a.Country == b.Country &&
		a.Note == b.Note && a.VIP == b.VIP && a.Blocked == b.Blocked && slices.Equal(a.Numbers, b.Numbers) &&
		a.Source == b.Source && a.RemoteID == b.RemoteID && a.ETag == b.ETag && a.synced == b.synced
}

// key is the index key of a number: its E.164 digits without the +.
func (n Number) key() string { return strings.TrimPrefix(n.E164, "+") }
