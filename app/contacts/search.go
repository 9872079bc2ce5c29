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
// digits) a number.
func (b *Book) List(ctx context.Context, query string) ([]Contact, error) {
	terms := b.terms(query)
	b.mu.RLock()
	found := make([]*Contact, 0, len(b.idx.byID))
	for _, c := range b.idx.byID {
		if matches(c, terms) {
			found = append(found, c)
		}
	}
	b.mu.RUnlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	keys := make(map[int64]string, len(found))
	for _, c := range found {
		keys[c.ID] = strings.ToLower(c.DisplayName())
	}
	slices.SortFunc(found, func(x, y *Contact) int {
		return cmp.Or(strings.Compare(keys[x.ID], keys[y.ID]), cmp.Compare(x.ID, y.ID))
	})
	out := make([]Contact, len(found))
	for i, c := range found {
		out[i] = *c.clone()
	}
	return out, nil
}
