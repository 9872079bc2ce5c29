package contacts

// each calls fn for every contact in ID order, decoded into a scratch
// contact that fn must not keep (nor its numbers), until fn returns
// false. Without numbers, the contact's Numbers are left nil: decoding
// them is most of the work.
func (x *index) each(numbers bool, fn func(s uint32, c *Contact) bool) error {
	var c Contact
	var nums []Number
	for s, off := range x.offs {
		if off == gone {
			continue
		}
		var err error
		if numbers {
			nums, err = x.decode(uint32(s), &c, nums[:0])
		} else {
			err = x.decodeHead(uint32(s), &c)
		}
		if err != nil {
			return err
		}
		if !fn(uint32(s), &c) {
			return nil
		}
	}
	return nil
}

// decodeHead reads the contact in slot s into c but for its numbers.
func (x *index) decodeHead(s uint32, c *Contact) error {
	rec, err := x.arena.record(x.offs[s])
	if err != nil {
		return err
	}
	r := recordReader{s: rec, words: x.ws.list}
	c.ID, c.Numbers = x.ids[s], nil
	_, err = r.head(c)
	return err
}
