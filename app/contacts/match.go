package contacts

import "github.com/whoiscalling/whoiscalling/app/calls"

// MatchKind says how a number matched a contact.
type MatchKind string

// The ways a number can match.
const (
	// MatchExact: the number is one of the contact's numbers (or the
	// central number of its switchboard).
	MatchExact MatchKind = "exact"
	// MatchSwitchboard: the number is an extension of the contact's
	// switchboard: it starts with the switchboard's prefix.
	MatchSwitchboard MatchKind = "switchboard"
)

// Match is the result of a lookup.
type Match struct {
	// Contact is the contact found, as the book keeps it in memory: its
	// names, company, address, note, VIP, Blocked and Numbers are filled
	// in; Created, Updated, Source, RemoteID and ETag are empty (Get
	// reads them from SQL). Update of a copy of it keeps the stored
	// Source, RemoteID and ETag unless the copy sets them.
	// It is shared with the index: read it, never modify it.
	Contact *Contact
	Kind    MatchKind
	// Number is the E.164 of the book's number that matched (for a
	// switchboard, its prefix); Entry is that number in full.
	Number string
	Entry  Number
}

// Caller is what the call tracker keeps of the match with the call: the
// popups and windows show it without asking the book again.
func (m Match) Caller() calls.Caller {
	c := m.Contact
	return calls.Caller{ContactID: c.ID, Name: c.DisplayName(), Company: c.Company, City: c.City, Note: c.Note,
		VIP: c.VIP, Blocked: c.Blocked, Match: string(m.Kind)}
}

// match is the match of slot s's number with index key k: the last
// such number, as the index keeps the last one.
func (x *index) match(s uint32, k string, switchboard bool, kind MatchKind) Match {
	c := x.contact(s)
	for i := len(c.Numbers) - 1; i >= 0; i-- {
		if n := c.Numbers[i]; n.Switchboard == switchboard && n.key() == k {
			return Match{Contact: c, Kind: kind, Number: n.E164, Entry: n}
		}
	}
	return Match{Contact: c, Kind: kind} // not reached: the index holds c under k only for such a number
}
