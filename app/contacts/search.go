package contacts

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// List returns the contacts that match query, sorted by display name.
// An empty query lists every contact. A query that looks like a number
// ("0211 12", "+49 211", "63555") finds contacts whose numbers contain
// it, in any format; otherwise every word of the query must appear in
// the first or last name, the company, the city, or (for words with
// digits) a number. The search runs in memory; the fields the index
// does not hold are then read from SQL for the contacts found.
func (b *Book) List(ctx context.Context, query string) ([]Contact, error) {
	terms := b.terms(query)
	x := b.idx.Load()
	type hit struct {
		s   uint32
		key string
	}
	var hits []hit
	m := matcher{terms: terms, folded: map[string]string{}}
	var whole Contact
	err := x.each(m.needsNumbers(), func(s uint32, c *Contact) bool {
		if c.FirstName == "" && c.LastName == "" && c.Company == "" && c.Numbers == nil {
			if _, err := x.decode(s, &whole, nil); err == nil {
				c = &whole // named by its first number
			}
		}
		if m.matches(c) {
			hits = append(hits, hit{s, strings.ToLower(c.DisplayName())})
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.s, b.s)) })
	out := make([]Contact, len(hits))
	ptrs := make([]*Contact, len(hits))
	var nums []Number
	for i, h := range hits {
		if cap(nums)-len(nums) < 64 {
			nums = make([]Number, 0, numberBlock) // shared by many contacts, each capped at its own
		}
		if nums, err = x.decode(h.s, &out[i], nums); err != nil {
			return nil, err
		}
		ptrs[i] = &out[i]
	}
	if _, err := b.fillExtra(ctx, ptrs, x.live); err != nil {
		return nil, err
	}
	return out, nil
}
