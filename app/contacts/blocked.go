package contacts

// BlockedNumbers are the E.164 numbers (not switchboard prefixes) of the
// blocked contacts, read from memory without copying the book: what the
// team's and sipgate's block lists follow.
func (b *Book) BlockedNumbers() map[string]bool {
	out := map[string]bool{}
	x := b.idx.Load()
	_ = x.each(false, func(s uint32, c *Contact) bool {
		if c.Blocked {
			var whole Contact
			_, _ = x.decode(s, &whole, nil) // a damaged record (a bug) has no numbers to give
			for _, n := range whole.Numbers {
				if !n.Switchboard && n.E164 != "" {
					out[n.E164] = true
				}
			}
		}
		return true
	})
	return out
}
