package contacts

// interner gives the text columns read at load one string per distinct
// value: labels, cities, countries and companies repeat across thousands
// of contacts. It is used by one goroutine and dropped after the load.
type interner struct {
	m map[string]string
}

func newInterner() *interner {
	in := &interner{m: make(map[string]string, 1024)}
	for _, l := range Labels {
		in.m[string(l)] = string(l)
	}
	return in
}

// intern returns b as a string, the same string for the same bytes.
func (in *interner) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	in.m[s] = s
	return s
}

// internContacts makes the contacts of an import share one string per
// distinct value of the fields that repeat. The contacts must not be
// in the index yet.
func internContacts(cs []*Contact) {
	m := make(map[string]string, 256)
	one := func(s *string) {
		if *s == "" {
			return
		}
		if v, ok := m[*s]; ok {
			*s = v
		} else {
			m[*s] = *s
		}
	}
	for _, l := range Labels {
		m[string(l)] = string(l)
	}
	for _, c := range cs {
		for _, s := range [...]*string{&c.FirstName, &c.Company, &c.City, &c.Country, &c.Note} {
			one(s)
		}
		for i := range c.Numbers {
			one((*string)(&c.Numbers[i].Label))
		}
	}
}
