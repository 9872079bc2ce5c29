package contacts

import (
	"context"
	"fmt"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// timeFormat stores times as RFC 3339 text in UTC, exact to the
// nanosecond, so a time read back equals the one written.
const timeFormat = time.RFC3339Nano

// loadAll reads every contact with its numbers.
func loadAll(ctx context.Context, st *store.Store) ([]*Contact, error) {
	rows, err := st.R.QueryContext(ctx, `SELECT id, first_name, last_name, company, city, country, note,
		vip, blocked, created, updated FROM contacts ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []*Contact
	byID := map[int64]*Contact{}
	for rows.Next() {
		c := &Contact{}
		var created, updated string
		err := rows.Scan(&c.ID, &c.FirstName, &c.LastName, &c.Company, &c.City, &c.Country, &c.Note,
			&c.VIP, &c.Blocked, &created, &updated)
		if err != nil {
			return nil, err
		}
		if c.Created, err = time.Parse(timeFormat, created); err != nil {
			return nil, fmt.Errorf("contact %d: created: %w", c.ID, err)
		}
		if c.Updated, err = time.Parse(timeFormat, updated); err != nil {
			return nil, fmt.Errorf("contact %d: updated: %w", c.ID, err)
		}
		all = append(all, c)
		byID[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return all, loadNumbers(ctx, st, byID)
}

func loadNumbers(ctx context.Context, st *store.Store, byID map[int64]*Contact) error {
	rows, err := st.R.QueryContext(ctx, `SELECT contact_id, label, raw, e164, switchboard
		FROM contact_numbers ORDER BY contact_id, pos`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n Number
		if err := rows.Scan(&id, &n.Label, &n.Raw, &n.E164, &n.Switchboard); err != nil {
			return err
		}
		if c, ok := byID[id]; ok {
			c.Numbers = append(c.Numbers, n)
		}
	}
	return rows.Err()
}
