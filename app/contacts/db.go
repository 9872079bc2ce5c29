package contacts

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/store"
)

// timeFormat stores times as RFC 3339 text in UTC, exact to the
// nanosecond, so a time read back equals the one written.
const timeFormat = time.RFC3339Nano

// loadAll reads every contact in whole with its numbers: what the move
// of an older whoiscalling's contacts compares (the index is read by
// loadIndex). The two tables are read at the same time, on two
// connections of the read pool.
func loadAll(ctx context.Context, st *store.Store) ([]*Contact, error) {
	var nums []numberRow
	var numErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		nums, numErr = loadNumbers(ctx, st.R)
	}()
	all, err := loadContacts(ctx, st.R)
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

// querier is a pool or a transaction to read from.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func loadContacts(ctx context.Context, q querier) ([]*Contact, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, first_name, last_name, company, city, country, note,
		vip, blocked, created, updated, street, postal_code, source, remote_id, etag, synced FROM contacts ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	in := newInterner()
	var all []*Contact
	// The contacts are allocated in blocks, not one by one: they are
	// read together and dropped together.
	var slab []Contact
	var first, last, company, city, country, note, created, updated sql.RawBytes
	var street, postal, source, remoteID, etag, synced sql.RawBytes
	var lastText string // the last time parsed: an import gives every contact the same times
	var lastTime time.Time
	parse := func(b sql.RawBytes) (time.Time, error) {
		if lastText == "" || string(b) != lastText {
			t, err := time.Parse(timeFormat, string(b))
			if err != nil {
				return t, err
			}
			lastText, lastTime = string(b), t
		}
		return lastTime, nil
	}
	for rows.Next() {
		if len(slab) == cap(slab) {
			slab = make([]Contact, 0, contactBlock)
		}
		slab = append(slab, Contact{})
		c := &slab[len(slab)-1]
		err := rows.Scan(&c.ID, &first, &last, &company, &city, &country, &note,
			&c.VIP, &c.Blocked, &created, &updated, &street, &postal, &source, &remoteID, &etag, &synced)
		if err != nil {
			return nil, err
		}
		c.FirstName, c.LastName, c.Company = in.intern(first), string(last), in.intern(company)
		c.City, c.Country, c.Note = in.intern(city), in.intern(country), in.intern(note)
		c.Street, c.PostalCode, c.Source = string(street), in.intern(postal), in.intern(source)
		c.RemoteID, c.ETag, c.synced = string(remoteID), string(etag), string(synced)
		if c.Created, err = parse(created); err != nil {
			return nil, fmt.Errorf("contact %d: created: %w", c.ID, err)
		}
		if c.Updated, err = parse(updated); err != nil {
			return nil, fmt.Errorf("contact %d: updated: %w", c.ID, err)
		}
		all = append(all, c)
	}
	return slices.Clip(all), rows.Err()
}

// numberRow is a row of contact_numbers.
type numberRow struct {
	id, pos int64
	n       Number
}

func loadNumbers(ctx context.Context, q querier) ([]numberRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT contact_id, pos, label, raw, e164, switchboard, unverified FROM contact_numbers`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	in := newInterner()
	var label, raw, e164, unverified sql.RawBytes
	var out []numberRow
	for rows.Next() {
		var r numberRow
		if err := rows.Scan(&r.id, &r.pos, &label, &raw, &e164, &r.n.Switchboard, &unverified); err != nil {
			return nil, err
		}
		r.n.Label, r.n.Raw, r.n.E164 = Label(in.intern(label)), string(raw), string(e164)
		r.n.Unverified = phone.Reason(in.intern(unverified))
		out = append(out, r)
	}
	return out, rows.Err()
}

// attach gives each contact its numbers in the order they were given
// (the table is ordered by number, not by contact). The numbers are
// allocated in blocks shared by many contacts (like the contacts, see
// loadContacts); each contact's slice is capped at its own numbers.
func attach(all []*Contact, nums []numberRow) {
	slices.SortFunc(nums, func(a, b numberRow) int { return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.pos, b.pos)) })
	var block []Number
	i := 0
	for _, c := range all { // all is ordered by ID
		for i < len(nums) && nums[i].id < c.ID {
			i++ // a number of no contact; the foreign key makes this impossible
		}
		j := i
		for j < len(nums) && nums[j].id == c.ID {
			j++
		}
		if j == i {
			continue
		}
		if cap(block)-len(block) < j-i { // a block never grows: the slices given out stay in it
			block = make([]Number, 0, max(numberBlock, j-i))
		}
		start := len(block)
		for ; i < j; i++ {
			block = append(block, nums[i].n)
		}
		c.Numbers = block[start:len(block):len(block)]
	}
}

// contactBlock and numberBlock are how many contacts and numbers are
// allocated at once when many are read in whole (loadAll, List).
const (
	contactBlock = 1024
	numberBlock  = 2048
)
