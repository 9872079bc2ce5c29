package contacts

import (
	"errors"
	"strings"
)

// errBadRecord means a record is not in the layout appendRecord writes.
// The index only holds records it wrote, so this is a bug, never bad
// input; decoding still never panics.
var errBadRecord = errors.New("contact record is damaged")

// recordReader decodes one record. Its text fields are substrings of
// the record or shared words; packed fields are unpacked into text, one
// allocation for all the record's packed fields.
type recordReader struct {
	s     string
	words []string
	bad   bool
	text  strings.Builder
}

// cutRecord splits the first record off s: the record and the rest.
func cutRecord(s string) (rec, rest string, err error) {
	r := recordReader{s: s}
	n := r.uvarint()
	if r.bad || n > uint64(len(r.s)) {
		return "", "", errBadRecord
	}
	return r.s[:n], r.s[n:], nil
}

// head reads the flags and text fields into c and returns how many
// numbers follow.
func (r *recordReader) head(c *Contact) (int, error) {
	flags := r.byte()
	c.VIP, c.Blocked = flags&recVIP != 0, flags&recBlocked != 0
	for _, s := range [...]*string{&c.FirstName, &c.LastName, &c.Company, &c.Street, &c.PostalCode, &c.City, &c.Country, &c.Note} {
		*s = r.field()
	}
	n := r.uvarint()
	if r.bad || flags&^(recVIP|recBlocked) != 0 || n > uint64(len(r.s)) { // a number takes a byte at least
		return 0, errBadRecord
	}
	return int(n), nil
}

func (r *recordReader) byte() byte {
	if len(r.s) == 0 {
		r.bad = true
		return 0
	}
	b := r.s[0]
	r.s = r.s[1:]
	return b
}

func (r *recordReader) uvarint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		b := r.byte()
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

func (r *recordReader) field() string {
	t := r.uvarint()
	if t&1 == 1 {
		if t>>1 >= uint64(len(r.words)) {
			r.bad = true
			return ""
		}
		return r.words[t>>1]
	}
	if t>>1 > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	s := r.s[:t>>1]
	r.s = r.s[t>>1:]
	return s
}
