package contacts

import (
	"context"
	"fmt"
)

// ownersOf lists the book contacts that own a number of the records:
// the ones a merge will edit.
func (pl *plan) ownersOf(recs []record) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	for i := range recs {
		if recs[i].skip {
			continue
		}
		for _, n := range recs[i].c.Numbers {
			if s, ok := pl.x.owner(n); ok && !seen[pl.x.ids[s]] {
				seen[pl.x.ids[s]] = true
				ids = append(ids, pl.x.ids[s])
			}
		}
	}
	return ids
}

// fetch reads the book contacts with the given IDs in whole: the index
// holds what lookups need, the merges compare and write every field.
func (pl *plan) fetch(ctx context.Context, ids []int64) error {
	cs := make([]*Contact, 0, len(ids))
	for _, id := range ids {
		if _, ok := pl.whole[id]; ok {
			continue
		}
		s, ok := pl.x.slotOf(id)
		if !ok {
			return fmt.Errorf("contact %d: %w", id, ErrConflict)
		}
		c := &Contact{}
		if _, err := pl.x.decode(s, c, nil); err != nil {
			return fmt.Errorf("contact %d: %w", id, err)
		}
		cs = append(cs, c)
	}
	missing, err := pl.b.fillExtra(ctx, cs, pl.x.live)
	if err != nil {
		return err
	}
	if missing > 0 {
		return ErrConflict // another program removed one: the next try reloads
	}
	for _, c := range cs {
		pl.whole[c.ID] = c
	}
	return nil
}

// contact is the book contact with the given ID in whole, read now if
// fetch did not read it before. A failure is kept in pl.err, which
// stops the plan from being written.
func (pl *plan) contact(id int64) *Contact {
	if c, ok := pl.whole[id]; ok {
		return c
	}
	if err := pl.fetch(pl.ctx, []int64{id}); err != nil {
		if pl.err == nil {
			pl.err = err
		}
		return &Contact{ID: id}
	}
	return pl.whole[id]
}
