package contacts

// nibbles are the characters a packed field can hold, by value.
const nibbles = "0123456789 +-/()"

// nibbleOf is the value of each character in nibbles, -1 for others.
var nibbleOf = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(nibbles) {
		t[nibbles[i]] = int8(i)
	}
	return t
}()

// packable reports whether s can be a packed field.
func packable(s string) bool {
	for i := 0; i < len(s); i++ {
		if nibbleOf[s[i]] < 0 {
			return false
		}
	}
	return len(s) > 0
}

func appendPacked(buf []byte, s string) []byte {
	buf = appendUvarint(buf, uint64(len(s)))
	for i := 0; i < len(s); i += 2 {
		b := byte(nibbleOf[s[i]]) << 4
		if i+1 < len(s) {
			b |= byte(nibbleOf[s[i+1]])
		}
		buf = append(buf, b)
	}
	return buf
}

func appendText(buf []byte, s string, packed bool, ws *sharedWords) []byte {
	if packed {
		return appendPacked(buf, s)
	}
	return appendField(buf, s, ws)
}

func appendField(buf []byte, s string, ws *sharedWords) []byte {
	if s != "" {
		if ref, ok := ws.refs[s]; ok {
			return appendUvarint(buf, uint64(ref)<<1|1)
		}
	}
	buf = appendUvarint(buf, uint64(len(s))<<1)
	return append(buf, s...)
}

// appendFieldBytes is appendField for text in a []byte.
func appendFieldBytes(buf []byte, b []byte, ws *sharedWords) []byte {
	if len(b) > 0 {
		if ref, ok := ws.refs[string(b)]; ok {
			return appendUvarint(buf, uint64(ref)<<1|1)
		}
	}
	buf = appendUvarint(buf, uint64(len(b))<<1)
	return append(buf, b...)
}

func uvarintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

func appendUvarint(buf []byte, v uint64) []byte {
	for v >= 0x80 {
		buf = append(buf, byte(v)|0x80)
		v >>= 7
	}
	return append(buf, byte(v))
}
