package contacts

import (
	"maps"
	"strings"
)

// maxKey bounds the length of index keys (E.164 digits).
const maxKey = 24

// index maps numbers to contacts. Its contacts are never modified once
// in it: a change puts in a new *Contact, so a Match stays valid.
type index struct {
	byID   map[int64]*Contact
	exact  map[string]*Contact // E.164 digits without + → owner
	prefix map[string]*Contact // switchboard prefixes, the same form
	lens   [maxKey + 1]int
}

func newIndex() *index {
	return &index{byID: map[int64]*Contact{}, exact: map[string]*Contact{}, prefix: map[string]*Contact{}}
}

// indexOf is an index of all, its maps made to size at once.
func indexOf(all []*Contact) *index {
	var exact, prefix int
	for _, c := range all {
		for _, n := range c.Numbers {
			if n.Switchboard {
				prefix++
			} else {
				exact++
			}
		}
	}
	x := &index{byID: make(map[int64]*Contact, len(all)), exact: make(map[string]*Contact, exact),
		prefix: make(map[string]*Contact, prefix)}
	for _, c := range all {
		x.put(c)
	}
	return x
}

func (x *index) clone() *index {
	return &index{byID: maps.Clone(x.byID), exact: maps.Clone(x.exact), prefix: maps.Clone(x.prefix), lens: x.lens}
}

func (x *index) put(c *Contact) {
	x.drop(c.ID)
	x.byID[c.ID] = c
	for _, n := range c.Numbers {
		k := n.key()
		if !n.Switchboard {
			x.exact[k] = c
		} else if len(k) <= maxKey {
			x.prefix[k] = c
			x.lens[len(k)]++
		}
	}
}

func (x *index) drop(id int64) {
	c, ok := x.byID[id]
	if !ok {
		return
	}
	delete(x.byID, id)
	for _, n := range c.Numbers {
		k := n.key()
		if !n.Switchboard {
			if h, ok := x.exact[k]; ok && h == c {
				delete(x.exact, k)
			}
		} else if h, ok := x.prefix[k]; ok && h == c {
			delete(x.prefix, k)
			x.lens[len(k)]--
		}
	}
}

// owner is the contact that holds number n (the same number with the
// same switchboard flag).
func (x *index) owner(n Number) (*Contact, bool) {
	m := x.exact
	if n.Switchboard {
		m = x.prefix
	}
	c, ok := m[n.key()]
	return c, ok
}

// lookup finds the exact number, else the longest switchboard prefix.
// It slices e164 and probes maps, so it does not allocate.
func (x *index) lookup(e164 string) (Match, bool) {
	k := strings.TrimPrefix(e164, "+")
	if c, ok := x.exact[k]; ok {
		return match(c, k, false, MatchExact), true
	}
	for l := min(len(k), maxKey); l > 0; l-- {
		if x.lens[l] == 0 {
			continue
		}
		if c, ok := x.prefix[k[:l]]; ok {
			if k[l:] == "0" {
				return match(c, k[:l], true, MatchExact), true
			}
			return match(c, k[:l], true, MatchSwitchboard), true
		}
	}
	return Match{}, false
}
