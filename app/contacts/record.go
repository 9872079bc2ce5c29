package contacts

// A record is the in-memory form of a contact: what Lookup's callers
// read (names, company, address, note, VIP, Blocked and the numbers),
// packed into a few dozen bytes of one string, so that the index does
// not hold a Contact, its slice of numbers and a dozen strings per
// contact. The fields kept only in SQL (times, source) are read by Get,
// List and the merges (see extra.go).
//
// Layout: uvarint length of the rest; a flags byte (VIP, Blocked); the
// text fields first name, last name, company, street, postal code,
// city, country and note; a uvarint count of numbers; per number a head byte (label, switchboard, whether
// an unverified reason follows, whether Raw equals E164, which of E164
// and Raw are packed), then E164, Raw, a label that is not one of
// Labels, and the unverified reason. A text field is a uvarint t: odd,
// it is words[t>>1] (a value many contacts share); even, t>>1 bytes of
// text follow. A packed field is a uvarint count of characters, two to
// a byte (see nibbles): numbers are written with few characters.

const (
	recVIP     = 1 << 0
	recBlocked = 1 << 1

	numLabel       = 0x07 // 0-3: Labels[i]; labelOwn: a field follows
	labelOwn       = 4
	numSwitchboard = 1 << 3
	numUnverified  = 1 << 4
	numRawIsE164   = 1 << 5
	numE164Packed  = 1 << 6
	numRawPacked   = 1 << 7
)

// sharedWords are text values that many contacts share (a city, a
// company, a common first name, a label), each stored once and referred
// to by its position.
type sharedWords struct {
	list []string
	refs map[string]uint32
}

func newWords() *sharedWords { return &sharedWords{refs: map[string]uint32{}} }

// add makes s a shared word (if it is not one already).
func (w *sharedWords) add(s string) {
	if _, ok := w.refs[s]; !ok {
		w.refs[s] = uint32(len(w.list))
		w.list = append(w.list, s)
	}
}

// appendRecord appends c's record to buf, sharing the words in ws.
func appendRecord(buf []byte, c *Contact, ws *sharedWords) []byte {
	start := len(buf)
	buf = append(buf, 0, 0, 0, 0, 0) // room for the length, moved into place below
	buf = append(buf, flagsOf(c.VIP, c.Blocked))
	for _, s := range [...]string{c.FirstName, c.LastName, c.Company, c.Street, c.PostalCode, c.City, c.Country, c.Note} {
		buf = appendField(buf, s, ws)
	}
	buf = appendUvarint(buf, uint64(len(c.Numbers)))
	for i := range c.Numbers {
		buf = appendNumber(buf, &c.Numbers[i], ws)
	}
	body := len(buf) - start - 5
	var lenBuf [5]byte
	n := len(appendUvarint(lenBuf[:0], uint64(body)))
	copy(buf[start:], lenBuf[:n])
	copy(buf[start+n:], buf[start+5:])
	return buf[:start+n+body]
}

func flagsOf(vip, blocked bool) byte {
	var flags byte
	if vip {
		flags |= recVIP
	}
	if blocked {
		flags |= recBlocked
	}
	return flags
}

func appendNumber(buf []byte, n *Number, ws *sharedWords) []byte {
	head := byte(labelOwn)
	for i, l := range Labels {
		if n.Label == l {
			head = byte(i)
		}
	}
	if n.Switchboard {
		head |= numSwitchboard
	}
	if n.Unverified != "" {
		head |= numUnverified
	}
	if n.Raw == n.E164 {
		head |= numRawIsE164
	}
	if packable(n.E164) {
		head |= numE164Packed
	}
	if head&numRawIsE164 == 0 && packable(n.Raw) {
		head |= numRawPacked
	}
	buf = append(buf, head)
	buf = appendText(buf, n.E164, head&numE164Packed != 0, ws)
	if head&numRawIsE164 == 0 {
		buf = appendText(buf, n.Raw, head&numRawPacked != 0, ws)
	}
	if head&numLabel == labelOwn {
		buf = appendField(buf, string(n.Label), ws)
	}
	if n.Unverified != "" {
		buf = appendField(buf, string(n.Unverified), ws)
	}
	return buf
}
