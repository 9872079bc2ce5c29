package calls

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzCallJSON: Call.AppendJSON writes byte for byte what json.Marshal
// writes, fails where it fails, and reads back the same call.
func FuzzCallJSON(f *testing.F) {
	f.Add("Erika Mustermann", "ACME <GmbH> & Co", "Düsseldorf", "=cmd|' /C calc'!A0", "+4921112345", "54566B15", int64(1764500000123), int64(7), int64(42), 3, true)
	f.Add("", "", "", "", "", "", int64(0), int64(0), int64(0), 0, false)
	f.Add("a\"b\\c\n\t\u2028", "\xff\xfe", "\x00\x1f", "\x1b[31m", "anonymous", "x", int64(-62135596800000), int64(253402300799999), int64(-1), -5, true)
	f.Fuzz(func(t *testing.T, contact, company, city, note, from, callID string, startMs, deltaMs, id int64, n int, full bool) {
		at := time.UnixMilli(startMs).UTC()
		later := at.Add(time.Duration(deltaMs) * time.Millisecond)
		c := Call{ID: id, Direction: In, From: from, To: "+4921155500123", Contact: contact, Company: company,
			Users: []string{city, note}, AnsweredBy: contact, Status: StatusAnswered, Cause: note, StartedAt: at,
			DurationSeconds: n, Version: id, Legs: []Leg{{CallID: callID, StartedAt: at, AnsweredAt: &later}}}
		if full {
			c.City, c.Note, c.ContactID, c.Match, c.VIP, c.Place = city, note, id, "exact", true, city
			c.AnsweredAt, c.EndedAt = &later, &later
			c.Source, c.ClaimedBy, c.ClaimedAt, c.DoneAt = FromTeam, contact, &at, &later
		} else {
			c.Users, c.Legs = nil, nil
		}
		type plain Call // json.Marshal without any method of Call
		want, werr := json.Marshal(plain(c))
		got, err := c.AppendJSON(nil)
		if (err == nil) != (werr == nil) || err == nil && string(got) != string(want) {
			t.Fatalf("AppendJSON = %s, %v\njson.Marshal = %s, %v", got, err, want, werr)
		}
		if err != nil {
			return
		}
		var back Call
		if err := json.Unmarshal(got, &back); err != nil || back.ID != c.ID || back.Contact != json2(t, c.Contact) {
			t.Fatalf("reading back %s: %v", got, err)
		}
	})
}

// json2 is s after a JSON round trip (invalid UTF-8 becomes U+FFFD).
func json2(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkCallJSON: an ended call with two legs, by hand and by
// json.Marshal.
func BenchmarkCallJSON(b *testing.B) {
	at := time.Date(2026, 3, 2, 9, 14, 0, 0, time.UTC)
	end := at.Add(95 * time.Second)
	l := Leg{CallID: "54566B15", Users: []string{"Anna Schmidt"}, AnsweredBy: "Anna Schmidt", Cause: "normalClearing", StartedAt: at, AnsweredAt: &at, EndedAt: &end}
	c := Call{ID: 4711, Direction: In, From: "+4921112345", To: "+4921155500123", Contact: "Erika Mustermann", Company: "ACME",
		City: "Düsseldorf", ContactID: 12, Match: "exact", Users: []string{"Anna Schmidt", "Ben Müller"}, AnsweredBy: "Anna Schmidt",
		Status: StatusAnswered, Cause: "normalClearing", StartedAt: at, AnsweredAt: &at, EndedAt: &end, DurationSeconds: 95,
		Legs: []Leg{l, l}, Version: 3, Source: FromWebhook}
	b.Run("AppendJSON", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf, _ = c.AppendJSON(buf[:0])
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(c)
		}
	})
}
