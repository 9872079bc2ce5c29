package contacts

// BlockedNumbers are the E.164 numbers (not switchboard prefixes) of the
// blocked contacts, read from memory without copying the book: what the
// team's and sipgate's block lists follow.
func (b *Book) BlockedNumbers() map[string]bool {
	out := map[string]bool{}
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, c := range b.idx.byID {
		if !c.Blocked {
			continue
		}
		for _, n := range c.Numbers {
			if !n.Switchboard && n.E164 != "" {
				out[n.E164] = true
			}
		}
	}
	return out
}
