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
	switch h := pl.nameIndex()[nameKey(&r.c)]; {
	case h.c != nil && h.c.ID != 0:
		return pl.edit(h.c.ID)
	case h.c != nil:
		return h.c
	case h.id != 0:
		return pl.edit(h.id)
	}
	return nil
}

// nameHit is the contact a name key finds: a contact of this import
// (new, or an edited copy), else the ID of a book contact.
type nameHit struct {
	c  *Contact
	id int64
}

// nameIndex maps the name keys of the book's contacts (the lowest ID
// for a name several have) and of the contacts this import added
// without numbers to the contacts.
func (pl *plan) nameIndex() map[string]nameHit {
	if pl.names != nil {
		return pl.names
	}
	pl.names = make(map[string]nameHit, pl.x.live)
	err := pl.x.each(false, func(_ uint32, c *Contact) bool {
		if k := nameKey(c); pl.names[k].id == 0 { // each goes up by ID: the first is the lowest
			pl.names[k] = nameHit{id: c.ID}
		}
		return true
	})
	if err != nil && pl.err == nil {
		pl.err = err
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
