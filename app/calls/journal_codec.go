package calls

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// A journal row holds a batch of call states in a compact binary form,
// a few hundred bytes a call (JSON would be three times that, and three
// times slower to write): a format byte, the count, then each state's
// fields in the order of encodeCall, strings and lists length-prefixed,
// integers and times (Unix ms) as varints, a nil list or time as 0 and
// others as their length or value plus 1.
const journalFormat = 2

// journalFormatNoPlace is the format before Call.Place: a journal a
// crash left behind in it is still read.
const journalFormatNoPlace = 1

// errJournalShort is a journal row that ends inside a field.
var errJournalShort = errors.New("journal row ends early")

// encodeJournal appends the encoded states to dst.
func encodeJournal(dst []byte, entries []journaled) []byte {
	dst = append(dst, journalFormat)
	dst = binary.AppendUvarint(dst, uint64(len(entries)))
	for i := range entries {
		e := &entries[i]
		dst = encodeCall(dst, &e.Call)
		dst = appendString(dst, e.Key)
		dst = binary.AppendVarint(dst, e.Updated)
	}
	return dst
}

func encodeCall(b []byte, c *Call) []byte {
	b = binary.AppendVarint(b, c.ID)
	for _, s := range []string{string(c.Direction), c.From, c.To, c.Contact, c.Company, c.City, c.Note} {
		b = appendString(b, s)
	}
	b = binary.AppendVarint(b, c.ContactID)
	b = appendString(b, c.Match)
	b = appendBool(b, c.VIP)
	b = appendStrings(b, c.Users)
	for _, s := range []string{c.AnsweredBy, string(c.Status), c.Cause} {
		b = appendString(b, s)
	}
	b = binary.AppendVarint(b, c.StartedAt.UnixMilli())
	b = appendTime(appendTime(b, c.AnsweredAt), c.EndedAt)
	b = binary.AppendVarint(b, int64(c.DurationSeconds))
	b = appendLegs(b, c.Legs)
	b = binary.AppendVarint(b, c.Version)
	b = appendString(appendString(b, string(c.Source)), c.ClaimedBy)
	b = appendTime(appendTime(b, c.ClaimedAt), c.DoneAt)
	return appendString(b, c.Place)
}

func appendLegs(b []byte, legs []Leg) []byte {
	b = appendLen(b, len(legs), legs == nil)
	for i := range legs {
		l := &legs[i]
		b = appendString(appendString(b, l.CallID), l.OrigCallID)
		b = appendStrings(b, l.Users)
		b = appendString(appendString(b, l.Diversion), l.AnsweredBy)
		b = appendBool(b, l.Voicemail)
		b = appendString(b, l.Cause)
		b = binary.AppendVarint(b, l.StartedAt.UnixMilli())
		b = appendTime(appendTime(b, l.AnsweredAt), l.EndedAt)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = appendLen(b, len(ss), ss == nil)
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

// appendLen writes a list's length plus 1, or 0 for a nil list.
func appendLen(b []byte, n int, isNil bool) []byte {
	if isNil {
		return append(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n)+1)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// appendTime writes 0 for nil, else a flag 1 and the Unix ms.
func appendTime(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, 0)
	}
	return binary.AppendVarint(append(b, 1), t.UnixMilli())
}

// decodeJournal reads what encodeJournal wrote.
func decodeJournal(b []byte) ([]journaled, error) {
	d := decoder{b: b}
	f := d.byte()
	if d.err == nil && f != journalFormat && f != journalFormatNoPlace {
		return nil, fmt.Errorf("journal row format %d, want %d", f, journalFormat)
	}
	d.place = f == journalFormat
	n := d.count()
	entries := make([]journaled, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		var e journaled
		d.call(&e.Call)
		e.Key, e.Updated = d.string(), d.varint()
		entries = append(entries, e)
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = fmt.Errorf("journal row has %d bytes after its last call", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	return entries, nil
}
