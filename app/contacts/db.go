package contacts

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// timeFormat stores times as RFC 3339 text in UTC, exact to the
// nanosecond, so a time read back equals the one written.
const timeFormat = time.RFC3339Nano

// loadAll reads every contact with its numbers. The two tables are
// read at the same time, on two connections of the read pool.
func loadAll(ctx context.Context, st *store.Store) ([]*Contact, error) {
	var nums []numberRow
	var numErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		nums, numErr = loadNumbers(ctx, st)
	}()
	all, err := loadContacts(ctx, st)
	<-done
	if err != nil {
		return nil, err
	}
	if numErr != nil {
		return nil, numErr
	}
	attach(all, nums)
	return all, nil
}

func loadContacts(ctx context.Context, st *store.Store) ([]*Contact, error) {
	rows, err := st.R.QueryContext(ctx, `SELECT id, first_name, last_name, company, city, country, note,
		vip, blocked, created, updated FROM contacts ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []*Contact
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
	}
	return all, rows.Err()
}

// numberRow is a row of contact_numbers.
type numberRow struct {
	id, pos int64
	n       Number
}

func loadNumbers(ctx context.Context, st *store.Store) ([]numberRow, error) {
	rows, err := st.R.QueryContext(ctx, `SELECT contact_id, pos, label, raw, e164, switchboard FROM contact_numbers`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []numberRow
	for rows.Next() {
		var r numberRow
		if err := rows.Scan(&r.id, &r.pos, &r.n.Label, &r.n.Raw, &r.n.E164, &r.n.Switchboard); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// attach gives each contact its numbers in the order they were given
// (the table is ordered by number, not by contact).
func attach(all []*Contact, nums []numberRow) {
	slices.SortFunc(nums, func(a, b numberRow) int { return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.pos, b.pos)) })
	i := 0
	for _, c := range all { // all is ordered by ID
		for i < len(nums) && nums[i].id < c.ID {
			i++ // a number of no contact; the foreign key makes this impossible
		}
		for ; i < len(nums) && nums[i].id == c.ID; i++ {
			c.Numbers = append(c.Numbers, nums[i].n)
		}
	}
}
