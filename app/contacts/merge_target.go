package contacts

import (
	"strings"
)

// target is the contact r merges into, or nil.
func (pl *plan) target(r *record) *Contact {
	for _, n := range r.c.Numbers {
		if t := pl.ownerOf(n); t != nil {
			return t
		}
	}
	if len(r.c.Numbers) > 0 {
		return nil
	}
	t := pl.nameIndex()[nameKey(&r.c)]
	if t != nil && t.ID != 0 {
		return pl.edit(t)
	}
	return t
}

// nameIndex maps the name keys of the book's contacts (the lowest ID
// for a name several have) and of the contacts this import added
// without numbers to the contacts.
func (pl *plan) nameIndex() map[string]*Contact {
	if pl.names != nil {
		return pl.names
	}
	pl.names = make(map[string]*Contact, len(pl.b.idx.byID))
	for _, c := range pl.b.idx.byID {
		k := nameKey(c)
		if o, ok := pl.names[k]; !ok || c.ID < o.ID {
			pl.names[k] = c
		}
	}
	return pl.names
}

// nameKey is a contact's name and company, for finding an entry without
// numbers again.
func nameKey(c *Contact) string {
	return strings.ToLower(c.FirstName + "\x00" + c.LastName + "\x00" + c.Company)
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// fillAddress copies the parts of the address the record has into c
// (fill copies the rest).
func fillAddress(c *Contact, r *record) {
	if r.c.Street != "" {
		c.Street = r.c.Street
	}
	if r.c.PostalCode != "" {
		c.PostalCode = r.c.PostalCode
	}
}
