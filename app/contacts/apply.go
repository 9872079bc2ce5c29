package contacts

import (
	"context"
	"database/sql"
)

// fill copies the fields the record has into c.
func fill(c *Contact, r *record) {
	for _, f := range [][2]*string{{&c.FirstName, &r.c.FirstName}, {&c.LastName, &r.c.LastName},
		{&c.Company, &r.c.Company}, {&c.City, &r.c.City}, {&c.Country, &r.c.Country}, {&c.Note, &r.c.Note}} {
		if *f[1] != "" {
			*f[0] = *f[1]
		}
	}
	if r.vip != nil {
		c.VIP = *r.vip
	}
	if r.blocked != nil {
		c.Blocked = *r.blocked
	}
}

// count fills in the report's figures and the times, and drops edits
// that change nothing.
func (pl *plan) count() {
	now := pl.b.now()
	for _, c := range pl.adds {
		c.Created, c.Updated = now, now
	}
	pl.report.Imported = len(pl.adds)
	kept := pl.order[:0]
	for _, id := range pl.order {
		if sameData(pl.edits[id], pl.olds[id]) {
			if pl.touched[id] {
				pl.report.Unchanged++
			}
			continue
		}
		pl.edits[id].Updated = now
		pl.report.Updated++
		kept = append(kept, id)
	}
	pl.order = kept
}

// write stores the plan in tx, counting it as a change of the book
// (bump) when it changes anything.
func (pl *plan) write(ctx context.Context, tx *sql.Tx, p *progress) error {
	if len(pl.order)+len(pl.adds) > 0 {
		if err := pl.b.bump(ctx, tx); err != nil {
			return err
		}
	}
	w := newWriter(ctx, tx)
	for _, id := range pl.order {
		if err := w.update(pl.edits[id], pl.olds[id]); err != nil {
			return err
		}
		p.add(1)
	}
	next, err := w.nextID()
	if err != nil {
		return err
	}
	for i, c := range pl.adds {
		c.ID = next + int64(i)
		if err := w.insert(c); err != nil {
			return err
		}
		p.add(1)
	}
	return w.finish()
}

// changed lists the contacts to put into the index after the commit.
func (pl *plan) changed() []*Contact {
	out := make([]*Contact, 0, len(pl.order)+len(pl.adds))
	for _, id := range pl.order {
		out = append(out, pl.edits[id])
	}
	return append(out, pl.adds...)
}
