package contacts

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
	// Contact is the contact found. It is shared with the index: read
	// it, never modify it.
	Contact *Contact
	Kind    MatchKind
	// Number is the E.164 of the book's number that matched (for a
	// switchboard, its prefix); Entry is that number in full.
	Number string
	Entry  Number
}

// hit points at the n-th number of a contact.
type hit struct {
	c *Contact
	n int
}

func (h hit) match(kind MatchKind) Match {
	n := h.c.Numbers[h.n]
	return Match{Contact: h.c, Kind: kind, Number: n.E164, Entry: n}
}
