package calls

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// columns are what scanRow reads, in its order.
const columns = `id, leg_key, direction, from_num, to_num, contact, company, city, note, contact_id,
	match_kind, vip, users, answered_by, status, cause, started_at, answered_at, ended_at,
	duration, legs, updated_at, version, source, claimed_by, claimed_at, done_at, place`

// row is one stored call with the bookkeeping the tracker needs to take
// it back into memory.
type row struct {
	Call
	key     string
	updated time.Time
}

type scanner interface{ Scan(dest ...any) error }

func scanRow(s scanner) (row, error) {
	var r row
	c := &r.Call
	var users, legs string
	var started, updated int64
	var answered, ended, claimed, done sql.NullInt64
	err := s.Scan(&c.ID, &r.key, &c.Direction, &c.From, &c.To, &c.Contact, &c.Company, &c.City, &c.Note,
		&c.ContactID, &c.Match, &c.VIP, &users, &c.AnsweredBy, &c.Status, &c.Cause, &started, &answered, &ended,
		&c.DurationSeconds, &legs, &updated, &c.Version, &c.Source, &c.ClaimedBy, &claimed, &done, &c.Place)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(users), &c.Users); err != nil {
		return r, fmt.Errorf("call %d users: %w", c.ID, err)
	}
	if err := json.Unmarshal([]byte(legs), &c.Legs); err != nil {
		return r, fmt.Errorf("call %d legs: %w", c.ID, err)
	}
	c.StartedAt, c.AnsweredAt, c.EndedAt = fromMillis(started), nullTime(answered), nullTime(ended)
	c.ClaimedAt, c.DoneAt = nullTime(claimed), nullTime(done)
	r.updated = fromMillis(updated)
	return r, nil
}

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func nullTime(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := fromMillis(n.Int64)
	return &t
}
