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
