package calls

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzRowJSON: the hand-written users and legs JSON is byte for byte
// what json.Marshal writes, and reads back the same.
func FuzzRowJSON(f *testing.F) {
	f.Add("54566B15", "", "w0", "+4921112345", "", "normalClearing", int64(1764500000123), int64(7), false, true)
	f.Add("a\"b\\c\n\t<>&\u2028\u2029", "\xff\xfe", "ü", "\x00\x1f", "Jürgen", "", int64(0), int64(-1), true, false)
	f.Add("", "", "", "", "", "", int64(-62135596800000), int64(253402300799999), true, true)
	f.Fuzz(func(t *testing.T, callID, orig, user, diversion, answeredBy, cause string, startMs, deltaMs int64, voicemail, ended bool) {
		at := time.UnixMilli(startMs).UTC()
		later := at.Add(time.Duration(deltaMs) * time.Millisecond)
		l := Leg{CallID: callID, OrigCallID: orig, Users: []string{user, callID}, Diversion: diversion,
			AnsweredBy: answeredBy, Voicemail: voicemail, Cause: cause, StartedAt: at, AnsweredAt: &later}
		if ended {
			l.EndedAt, l.Users = &at, nil
		}
		for _, legs := range [][]Leg{nil, {}, {l}, {l, l}} {
			want, err := json.Marshal(legs)
			got, ok := appendLegsJSON(nil, legs)
			if ok != (err == nil) || ok && string(got) != string(want) {
				t.Fatalf("appendLegsJSON = %s, %v\njson.Marshal  = %s, %v", got, ok, want, err)
			}
			if !ok {
				continue
			}
			var back []Leg
			if err := json.Unmarshal(got, &back); err != nil || len(back) != len(legs) {
				t.Fatalf("reading back %s: %v (%d legs)", got, err, len(back))
			}
		}
		for _, users := range [][]string{nil, {}, {user}, {callID, orig, cause}} {
			want, _ := json.Marshal(users)
			if got := appendUsersJSON(nil, users); string(got) != string(want) {
				t.Fatalf("appendUsersJSON(%q) = %s, want %s", users, got, want)
			}
		}
	})
}
