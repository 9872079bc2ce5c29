package contacts

import "slices"

// decodeRecord reads a whole record into c, its numbers appended to
// nums (c.Numbers is nil when it has none). The text fields share the
// record's memory; the packed number text of the record takes one
// allocation.
func decodeRecord(rec string, ws []string, c *Contact, nums []Number) ([]Number, error) {
	r := recordReader{s: rec, words: ws}
	n, err := r.head(c)
	if err != nil {
		return nums, err
	}
	start := len(nums)
	nums = slices.Grow(nums, n)[:start+n]
	if err := r.numbers(nums[start:]); err != nil {
		return nums[:start], err
	}
	c.Numbers = nil
	if n > 0 {
		c.Numbers = nums[start : start+n : start+n]
	}
	return nums, nil
}

// newContact allocates a contact with room for n numbers, in one
// allocation for up to four numbers (most contacts have one to three).
func newContact(n int) *Contact {
	switch n {
	case 0:
		return &Contact{}
	case 1:
		h := &struct {
			c Contact
			n [1]Number
		}{}
		h.c.Numbers = h.n[:]
		return &h.c
	case 2:
		h := &struct {
			c Contact
			n [2]Number
		}{}
		h.c.Numbers = h.n[:]
		return &h.c
	case 3:
		h := &struct {
			c Contact
			n [3]Number
		}{}
		h.c.Numbers = h.n[:]
		return &h.c
	case 4:
		h := &struct {
			c Contact
			n [4]Number
		}{}
		h.c.Numbers = h.n[:]
		return &h.c
	}
	return &Contact{Numbers: make([]Number, n)}
}

// built is the contact in rec as a Match carries it (see Match):
// allocated by newContact, its packed number text in one more string.
func built(rec string, ws []string) (*Contact, error) {
	r := recordReader{s: rec, words: ws}
	var head Contact
	n, err := r.head(&head)
	if err != nil {
		return nil, err
	}
	c := newContact(n)
	head.Numbers = c.Numbers
	*c = head
	c.partial = true
	return c, r.numbers(c.Numbers)
}
