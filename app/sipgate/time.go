package sipgate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Time is a timestamp as sipgate sends it: ISO 8601 with or without a
// colon in the offset, or without a zone (read as UTC), or a number of
// Unix milliseconds. null and "" are the zero time. It marshals as RFC 3339.
type Time struct{ time.Time }

// timeLayouts are tried in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
}

// UnmarshalJSON reads the layouts above.
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		t.Time = time.Time{}
		return nil
	}
	var ms int64
	if json.Unmarshal(b, &ms) == nil {
		t.Time = time.UnixMilli(ms).UTC()
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("sipgate: timestamp is neither a string nor milliseconds: %w", err)
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	for _, l := range timeLayouts {
		if v, err := time.Parse(l, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return fmt.Errorf("sipgate: timestamp %q is not ISO 8601", s)
}

// MarshalJSON writes RFC 3339 (null for the zero time).
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.UTC().Format(time.RFC3339Nano))
}
