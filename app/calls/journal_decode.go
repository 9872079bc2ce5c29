package calls

import (
	"encoding/binary"
	"time"
)

// decoder reads a journal row; the first error sticks and every read
// after it yields zero values.
type decoder struct {
	b     []byte
	err   error
	place bool // the format has Call.Place
}

func (d *decoder) call(c *Call) {
	c.ID = d.varint()
	c.Direction, c.From, c.To = Direction(d.string()), d.string(), d.string()
	c.Contact, c.Company, c.City, c.Note = d.string(), d.string(), d.string(), d.string()
	c.ContactID, c.Match, c.VIP = d.varint(), d.string(), d.bool()
	c.Users = d.strings()
	c.AnsweredBy, c.Status, c.Cause = d.string(), Status(d.string()), d.string()
	c.StartedAt = fromMillis(d.varint())
	c.AnsweredAt, c.EndedAt = d.time(), d.time()
	c.DurationSeconds = int(d.varint())
	c.Legs = d.legs()
	c.Version = d.varint()
	c.Source, c.ClaimedBy = Source(d.string()), d.string()
	c.ClaimedAt, c.DoneAt = d.time(), d.time()
	if d.place {
		c.Place = d.string()
	}
}

func (d *decoder) legs() []Leg {
	n, isNil := d.len()
	if isNil {
		return nil
	}
	legs := make([]Leg, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		var l Leg
		l.CallID, l.OrigCallID = d.string(), d.string()
		l.Users = d.strings()
		l.Diversion, l.AnsweredBy, l.Voicemail, l.Cause = d.string(), d.string(), d.bool(), d.string()
		l.StartedAt = fromMillis(d.varint())
		l.AnsweredAt, l.EndedAt = d.time(), d.time()
		legs = append(legs, l)
	}
	return legs
}

func (d *decoder) strings() []string {
	n, isNil := d.len()
	if isNil {
		return nil
	}
	ss := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		ss = append(ss, d.string())
	}
	return ss
}

// len reads a list's length (see appendLen). A length longer than the
// bytes left cannot be right (every item takes one at least).
func (d *decoder) len() (int, bool) {
	v := d.uvarint()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(d.b)) {
		d.fail()
		return 0, false
	}
	return int(v - 1), false
}

// count is the number of calls in the row.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) time() *time.Time {
	if d.byte() == 0 {
		return nil
	}
	t := fromMillis(d.varint())
	return &t
}

func (d *decoder) bool() bool { return d.byte() == 1 }

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// fail records a short row and drops the rest.
func (d *decoder) fail() {
	if d.err == nil {
		d.err = errJournalShort
	}
	d.b = nil
}
