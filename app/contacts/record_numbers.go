package contacts

import "github.com/whoiscalling/whoiscalling/app/phone"

// numbers reads len(nums) numbers into nums.
func (r *recordReader) numbers(nums []Number) error {
	if size := r.packedSize(len(nums)); size > 0 {
		r.text.Grow(size)
	}
	for i := range nums {
		if err := r.number(&nums[i]); err != nil {
			return err
		}
	}
	if len(r.s) != 0 {
		return errBadRecord
	}
	return nil
}

// packedSize is the length of the packed text of the next n numbers.
func (r *recordReader) packedSize(n int) int {
	peek := recordReader{s: r.s, words: r.words}
	size := 0
	var num Number
	for range n {
		head := peek.byte()
		size += peek.skip(head&numE164Packed != 0)
		if head&numRawIsE164 == 0 {
			size += peek.skip(head&numRawPacked != 0)
		}
		peek.rest(head, &num)
		if peek.bad {
			return 0
		}
	}
	return size
}

// skip passes over a text field and returns its length when packed.
func (r *recordReader) skip(packed bool) int {
	if !packed {
		r.field()
		return 0
	}
	n := r.uvarint()
	if r.bad || n == 0 || (n+1)/2 > uint64(len(r.s)) {
		r.bad = true
		return 0
	}
	r.s = r.s[(n+1)/2:]
	return int(n)
}

// number reads the next number into n.
func (r *recordReader) number(n *Number) error {
	head := r.byte()
	*n = Number{Switchboard: head&numSwitchboard != 0}
	n.E164 = r.text16(head&numE164Packed != 0)
	n.Raw = n.E164
	if head&numRawIsE164 == 0 {
		n.Raw = r.text16(head&numRawPacked != 0)
	}
	r.rest(head, n)
	if r.bad || (head&numRawIsE164 != 0 && head&numRawPacked != 0) {
		return errBadRecord
	}
	return nil
}

// rest reads what follows a number's E164 and Raw: its label and
// unverified reason.
func (r *recordReader) rest(head byte, n *Number) {
	switch l := head & numLabel; {
	case l == labelOwn:
		n.Label = Label(r.field())
	case int(l) < len(Labels):
		n.Label = Labels[l]
	default:
		r.bad = true
	}
	if head&numUnverified != 0 {
		n.Unverified = phone.Reason(r.field())
	}
}

// text16 reads a text field, or unpacks a packed one into r.text.
func (r *recordReader) text16(packed bool) string {
	if !packed {
		return r.field()
	}
	n := r.uvarint()
	if r.bad || n == 0 || (n+1)/2 > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	start := r.text.Len()
	for i := range int(n) {
		b := r.s[i/2]
		if i%2 == 0 {
			b >>= 4
		}
		r.text.WriteByte(nibbles[b&0x0f])
	}
	r.s = r.s[(n+1)/2:]
	// The builder only ever appends, so what String gave out stays as it was.
	return r.text.String()[start:]
}
