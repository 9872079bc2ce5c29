// Package contacts is the contact book that callers are looked up in.
//
// A Book keeps its contacts in SQLite (through app/store, tables
// migrated under the domain "contacts") and mirrors them in an in-memory
// index, updated after every committed change, so Lookup on the webhook
// path never waits on SQL and never allocates on a hit. Numbers are
// stored in E.164 (app/phone); a number written with the German
// switchboard mark "-0" is a prefix that every extension of that company
// matches. Lookup tries the exact number first, then the longest
// switchboard prefix.
//
// A number belongs to at most one contact: Add and Update refuse a
// number that another contact already has with a *DuplicateError that
// names the owner, and Import leaves such a number with its owner and
// reports it. Import reads vCard 3.0/4.0 and CSV files, merges by number
// (so importing a file twice changes nothing) and writes in one
// transaction; Export writes vCard 3.0 or CSV that import reads back.
package contacts

import (
	"slices"
	"strings"
	"time"
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
}

// Contact is a person or company in the book.
type Contact struct {
	ID                           int64
	FirstName, LastName, Company string
	Numbers                      []Number
	City, Country, Note          string
	// VIP contacts break through do-not-disturb.
	VIP bool
	// Blocked callers are rejected.
	Blocked          bool
	Created, Updated time.Time
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
		a.City == b.City && a.Country == b.Country && a.Note == b.Note &&
		a.VIP == b.VIP && a.Blocked == b.Blocked && slices.Equal(a.Numbers, b.Numbers)
}

// key is the index key of a number: its E.164 digits without the +.
func (n Number) key() string { return strings.TrimPrefix(n.E164, "+") }
