package notify

import (
	"slices"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func status(s calls.Status, users ...string) calls.Call {
	return with(func(c *calls.Call) {
		c.Status = s
		if users != nil {
			c.Users = users
		}
	})
}

// Calls arrive coalesced: the same state may come twice, and a call may
// come back to ringing when a forward leg joins it.
var sequenceTests = []struct {
	name string
	in   []calls.Call
	opts Options
	want []Kind
}{
	{"ringing, active, answered", []calls.Call{status(calls.StatusRinging), status(calls.StatusActive), status(calls.StatusAnswered)},
		on, []Kind{KindIncoming, KindAnswered}},
	{"missed, twice", []calls.Call{status(calls.StatusRinging), status(calls.StatusMissed), status(calls.StatusMissed)},
		on, []Kind{KindIncoming, KindMissed}},
	{"forward then voicemail", []calls.Call{status(calls.StatusRinging, "Anna Mayer"), status(calls.StatusRinging, "Anna Mayer", "Marcus Satt"),
		status(calls.StatusVoicemail, "Anna Mayer", "Marcus Satt"), status(calls.StatusVoicemail, "Anna Mayer", "Marcus Satt")},
		on, []Kind{KindIncoming, KindVoicemail}},
	{"forwarded to a watched user", []calls.Call{status(calls.StatusRinging, "Anna Mayer"), status(calls.StatusRinging, "Anna Mayer", "Marcus Satt")},
		opt(func(o *Options) { o.Users = []string{"Marcus Satt"} }), []Kind{KindIncoming}},
	{"first seen answered", []calls.Call{status(calls.StatusActive), status(calls.StatusAnswered)}, on, nil},
}

func TestDecideSequence(t *testing.T) {
	for _, tt := range sequenceTests {
		seen := NewSeen(0, 0)
		var got []Kind
		for _, c := range tt.in {
			if m, ok := Decide(c, seen, tt.opts); ok {
				seen.Mark(m.CallID, m.Kind, time.Now())
				got = append(got, m.Kind)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Decide(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSeenBounded(t *testing.T) {
	s := NewSeen(3, time.Hour)
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for id := int64(1); id <= 5; id++ {
		s.Mark(id, KindIncoming, t0)
	}
	if s.Len() != 3 || s.Has(2, KindIncoming) || !s.Has(3, KindIncoming) {
		t.Errorf("Seen after 5 marks of 3 = len %d, has 2 %v, has 3 %v; want 3, false, true",
			s.Len(), s.Has(2, KindIncoming), s.Has(3, KindIncoming))
	}
	s.Mark(6, KindMissed, t0.Add(2*time.Hour))
	if s.Len() != 1 || !s.Has(6, KindMissed) || s.Has(5, KindIncoming) {
		t.Errorf("Seen two hours later = len %d, has 6 %v, has 5 %v; want 1, true, false",
			s.Len(), s.Has(6, KindMissed), s.Has(5, KindIncoming))
	}
}
