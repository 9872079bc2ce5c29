package contacts

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/store"
)

// loadIndex reads the index straight from SQL: the contacts' fields the
// index holds on one connection, the numbers on another, at the same
// time; then each contact's record is its fields and its numbers.
func loadIndex(ctx context.Context, st *store.Store) (*index, error) {
	var nums []loadedNumber
	var numBuf []byte
	var numErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		nums, numBuf, numErr = loadNumberRecords(ctx, st.R)
	}()
	heads, err := loadHeads(ctx, st.R)
	<-done
	if err != nil {
		return nil, err
	}
	if numErr != nil {
		return nil, numErr
	}
	return heads.join(nums, numBuf), nil
}

// loadedNumber is a number read at load: its encoded form in the
// numbers' buffer and its index key.
type loadedNumber struct {
	id, pos  int64
	off, end uint32
	key      string
	prefix   bool // a switchboard: key goes to the prefixes
}

func loadNumberRecords(ctx context.Context, q querier) ([]loadedNumber, []byte, error) {
	rows, err := q.QueryContext(ctx, `SELECT contact_id, pos, label, raw, e164, switchboard, unverified FROM contact_numbers`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	in := newInterner()
	var label, raw, e164, unverified sql.RawBytes
	var out []loadedNumber
	var buf []byte
	for rows.Next() {
		var r loadedNumber
		var n Number
		if err := rows.Scan(&r.id, &r.pos, &label, &raw, &e164, &n.Switchboard, &unverified); err != nil {
			return nil, nil, err
		}
		n.Label, n.Raw, n.E164 = Label(in.intern(label)), string(raw), string(e164)
		n.Unverified = phone.Reason(in.intern(unverified))
		r.off = uint32(len(buf))
		buf = appendNumber(buf, &n, noWords)
		r.end, r.key, r.prefix = uint32(len(buf)), n.key(), n.Switchboard
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b loadedNumber) int { return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.pos, b.pos)) })
	return out, buf, rows.Err()
}

// noWords encodes every text in full.
var noWords = newWords()
