package calls

import (
	"errors"
	"strconv"
	"time"
)

// errJSONTime is AppendJSON's error for a time json.Marshal cannot
// write either.
var errJSONTime = errors.New("encode call: a time is outside the years 0 to 9999")

// AppendJSON appends c as json.Marshal writes it, byte for byte, without
// reflection: team mode encodes every call change this way
// (FuzzCallJSON checks it against json.Marshal).
func (c *Call) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, c.ID, 10)
	b = appendField(b, `,"direction":`, string(c.Direction))
	b = appendField(b, `,"from":`, c.From)
	b = appendField(b, `,"to":`, c.To)
	b = appendField(b, `,"contact":`, c.Contact)
	b = appendField(b, `,"company":`, c.Company)
	b = appendNonEmpty(b, `,"city":`, c.City)
	b = appendNonEmpty(b, `,"note":`, c.Note)
	if c.ContactID != 0 {
		b = append(b, `,"contact_id":`...)
		b = strconv.AppendInt(b, c.ContactID, 10)
	}
	b = appendNonEmpty(b, `,"match":`, c.Match)
	b = append(b, `,"vip":`...)
	b = strconv.AppendBool(b, c.VIP)
	b = appendNonEmpty(b, `,"place":`, c.Place)
	b = append(b, `,"users":`...)
	b = appendUsersJSON(b, c.Users)
	b = appendField(b, `,"answered_by":`, c.AnsweredBy)
	b = appendField(b, `,"status":`, string(c.Status))
	b = appendField(b, `,"cause":`, c.Cause)
	b, ok := appendJSONTimes(b, &c.StartedAt, c.AnsweredAt, c.EndedAt)
	if ok {
		b = append(b, `,"duration_seconds":`...)
		b = strconv.AppendInt(b, int64(c.DurationSeconds), 10)
		b = append(b, `,"legs":`...)
		b, ok = appendLegsJSON(b, c.Legs)
	}
	if !ok {
		return b, errJSONTime
	}
	b = append(b, `,"version":`...)
	b = strconv.AppendInt(b, c.Version, 10)
	b = appendNonEmpty(b, `,"source":`, string(c.Source))
	b = appendNonEmpty(b, `,"claimed_by":`, c.ClaimedBy)
	for _, t := range []struct {
		name string
		at   *time.Time
	}{{`,"claimed_at":`, c.ClaimedAt}, {`,"done_at":`, c.DoneAt}} {
		if t.at == nil {
			continue
		}
		b = append(b, t.name...)
		if b, ok = appendJSONTime(b, t.at); !ok {
			return b, errJSONTime
		}
	}
	return append(b, '}'), nil
}
