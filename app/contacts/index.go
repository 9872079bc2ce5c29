package contacts

import (
	"slices"
	"strings"
	"sync/atomic"
)

// maxKey bounds the length of switchboard prefixes (E.164 digits).
const maxKey = 24

// gone is the offset of a removed contact's slot.
const gone = ^uint32(0)

// cacheSize is how many contacts built for lookups an index keeps, so
// that the calls of one caller (newCall, answer, hangup) build it once.
const cacheSize = 256

// index is the in-memory book: per contact (a slot) its ID and record,
// and the numbers mapped to slots. It is never changed once in use: a
// change makes a new index (see with), so readers need no lock.
type index struct {
	ids           []int64  // by slot, ascending
	offs          []uint32 // by slot: the record's offset in the arena, or gone
	arena         arena
	ws            *sharedWords // fixed at load: later records use the words there are
	exact, prefix numKeys      // numbers; switchboard prefixes
	lens          [maxKey + 1]int32
	live          int    // slots not gone
	garbage       int    // arena bytes of records no slot refers to
	built         uint32 // the arena's size when it was last built whole
	cache         [cacheSize]atomic.Pointer[Contact]
}

func newIndex() *index { return &index{ws: newWords()} }

// slotOf is the slot of the contact with the given ID.
func (x *index) slotOf(id int64) (uint32, bool) {
	i, ok := slices.BinarySearch(x.ids, id)
	if !ok || x.offs[i] == gone {
		return 0, false
	}
	return uint32(i), true
}

// decode reads the contact in slot s into c (its numbers appended to
// nums): the fields a record holds, see record.go.
func (x *index) decode(s uint32, c *Contact, nums []Number) ([]Number, error) {
	rec, err := x.arena.record(x.offs[s])
	if err != nil {
		return nums, err
	}
	c.ID = x.ids[s]
	return decodeRecord(rec, x.ws.list, c, nums)
}

// contact is the contact in slot s as a Match carries it, built once
// per index and kept in the cache while no other slot takes its place.
// A damaged record (a bug) gives a contact with only its ID.
func (x *index) contact(s uint32) *Contact {
	e := &x.cache[s%cacheSize]
	if c := e.Load(); c != nil && c.ID == x.ids[s] {
		return c
	}
	rec, err := x.arena.record(x.offs[s])
	var c *Contact
	if err == nil {
		c, err = built(rec, x.ws.list)
	}
	if err != nil {
		c = &Contact{partial: true}
	}
	c.ID = x.ids[s]
	e.Store(c)
	return c
}

// owner is the slot of the contact that holds number n (the same number
// with the same switchboard flag).
func (x *index) owner(n Number) (uint32, bool) {
	if n.Switchboard {
		return x.prefix.find(n.key())
	}
	return x.exact.find(n.key())
}

// lookup finds the exact number, else the longest switchboard prefix.
// It slices e164 and searches sorted arrays, so it does not allocate
// but to build a contact that is not in the cache.
func (x *index) lookup(e164 string) (Match, bool) {
	k := strings.TrimPrefix(e164, "+")
	if s, ok := x.exact.find(k); ok {
		return x.match(s, k, false, MatchExact), true
	}
	for l := min(len(k), maxKey); l > 0; l-- {
		if x.lens[l] == 0 {
			continue
		}
		if s, ok := x.prefix.find(k[:l]); ok {
			if k[l:] == "0" {
				return x.match(s, k[:l], true, MatchExact), true
			}
			return x.match(s, k[:l], true, MatchSwitchboard), true
		}
	}
	return Match{}, false
}
