package sipgate_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func routed(pairs ...string) []sipgate.Routed {
	var out []sipgate.Routed
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, sipgate.Routed{Type: pairs[i], Endpoint: sipgate.EndpointRef{Extension: pairs[i+1]}})
	}
	return out
}

// in is an incoming CALL entry from +4921155501000 to +4921100000000.
func in(dir sipgate.Direction, status, callStatus string, dur float64, ep []sipgate.Routed) sipgate.HistoryEntry {
	return sipgate.HistoryEntry{ID: "h", CallID: "c", Type: sipgate.TypeCall, Direction: dir, Incoming: true,
		Status: status, CallStatus: callStatus, Duration: dur, Endpoints: ep,
		Source: "+4921155501000", Target: "+4921100000000", Created: sipgate.Time{Time: t0}}
}

func out(dir sipgate.Direction, status, callStatus string, dur float64) sipgate.HistoryEntry {
	e := in(dir, status, callStatus, dur, nil)
	e.Incoming, e.Source, e.Target = false, "+4921100000000", "004915100000005"
	return e
}

func with(e sipgate.HistoryEntry, f func(*sipgate.HistoryEntry)) sipgate.HistoryEntry {
	f(&e)
	return e
}

// callCases is the mapping table; the fuzzer seeds from it.
var callCases = []struct {
	name string
	in   sipgate.HistoryEntry
	ok   bool
	want sipgate.CallFacts
}{
	{"incoming answered", in(sipgate.DirIncoming, "PICKUP", "SUCCESS", 125, routed("ROUTED", "w0", "ROUTED", "w1", "PICKUP", "w1")), true,
		facts(true, sipgate.OutcomeAnswered, 125*time.Second, "w1", "w0", "w1")},
	{"missed incoming", in(sipgate.DirMissedIncoming, "NOPICKUP", "MISSED", 30, routed("ROUTED", "w0")), true,
		facts(true, sipgate.OutcomeMissed, 0, "", "w0")},
	{"voicemail entry", with(in(sipgate.DirIncoming, "PICKUP", "", 17, nil), func(e *sipgate.HistoryEntry) { e.Type, e.CallID = sipgate.TypeVoicemail, "" }), true,
		with2(facts(true, sipgate.OutcomeVoicemail, 0, sipgate.AnsweredByVoicemail), func(f *sipgate.CallFacts) { f.CallID = "" })},
	{"voicemail without message", in(sipgate.DirIncoming, "PICKUP", "VOICEMAIL_NO_MESSAGE", 5, nil), true,
		facts(true, sipgate.OutcomeVoicemail, 0, sipgate.AnsweredByVoicemail)},
	{"incoming busy", in(sipgate.DirIncoming, "BUSY", "BUSY", 0, nil), true, facts(true, sipgate.OutcomeMissed, 0, "")},
	{"incoming forwarded", in(sipgate.DirIncoming, "FORWARD", "SUCCESS", 40, routed("FORWARDED", "x0")), true,
		facts(true, sipgate.OutcomeAnswered, 40*time.Second, "", "x0")},
	{"pickup overruled by rejected", in(sipgate.DirIncoming, "PICKUP", "REJECTED", 3, nil), true, facts(true, sipgate.OutcomeMissed, 0, "")},
	{"pickup endpoint only", in(sipgate.DirIncoming, "", "", 9.5, routed("PICKUP", "w2")), true,
		facts(true, sipgate.OutcomeAnswered, 9500*time.Millisecond, "w2", "w2")},
	{"outgoing answered", out(sipgate.DirOutgoing, "PICKUP", "SUCCESS", 61), true, outFacts(sipgate.OutcomeAnswered, 61*time.Second)},
	{"outgoing no pickup", out(sipgate.DirOutgoing, "NOPICKUP", "", 0), true, outFacts(sipgate.OutcomeNotReached, 0)},
	{"missed outgoing", out(sipgate.DirMissedOutgoing, "NOPICKUP", "MISSED", 12), true, outFacts(sipgate.OutcomeNotReached, 0)},
	{"unknown direction", in("SIDEWAYS", "PICKUP", "", 5, nil), true, facts(true, sipgate.OutcomeUnknown, 0, "")},
	{"negative duration", in(sipgate.DirIncoming, "PICKUP", "", -5, nil), true, facts(true, sipgate.OutcomeAnswered, 0, "")},
	{"anonymous empty", with(in(sipgate.DirMissedIncoming, "NOPICKUP", "", 0, nil), func(e *sipgate.HistoryEntry) { e.Source = "" }), true,
		with2(facts(true, sipgate.OutcomeMissed, 0, ""), func(f *sipgate.CallFacts) { f.From = sipgate.Anonymous })},
	{"anonymous word", with(in(sipgate.DirMissedIncoming, "NOPICKUP", "", 0, nil), func(e *sipgate.HistoryEntry) { e.Source = "Anonymous" }), true,
		with2(facts(true, sipgate.OutcomeMissed, 0, ""), func(f *sipgate.CallFacts) { f.From = sipgate.Anonymous })},
	{"digits only source", with(in(sipgate.DirMissedIncoming, "NOPICKUP", "", 0, nil), func(e *sipgate.HistoryEntry) { e.Source = "4921155501000" }), true,
		facts(true, sipgate.OutcomeMissed, 0, "")},
	{"sms", with(in(sipgate.DirIncoming, "", "", 0, nil), func(e *sipgate.HistoryEntry) { e.Type = sipgate.TypeSMS }), false, sipgate.CallFacts{}},
	{"fax", with(in(sipgate.DirOutgoing, "", "", 0, nil), func(e *sipgate.HistoryEntry) { e.Type = sipgate.TypeFax }), false, sipgate.CallFacts{}},
	{"no type", with(in(sipgate.DirIncoming, "", "", 0, nil), func(e *sipgate.HistoryEntry) { e.Type = "" }), false, sipgate.CallFacts{}},
}

func facts(incoming bool, o sipgate.Outcome, d time.Duration, by string, rung ...string) sipgate.CallFacts {
	return sipgate.CallFacts{EntryID: "h", CallID: "c", Incoming: incoming, From: "+4921155501000", To: "+4921100000000",
		Outcome: o, StartedAt: t0, Duration: d, AnsweredBy: by, Rung: rung}
}

func outFacts(o sipgate.Outcome, d time.Duration) sipgate.CallFacts {
	f := facts(false, o, d, "")
	f.From, f.To = "+4921100000000", "+4915100000005"
	return f
}

func with2(f sipgate.CallFacts, edit func(*sipgate.CallFacts)) sipgate.CallFacts {
	edit(&f)
	return f
}

func TestHistoryEntryCall(t *testing.T) {
	for _, tc := range callCases {
		got, ok := tc.in.Call()
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Call() = %+v, %v\nwant %+v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

// The outcomes are the app's call statuses (DESIGN.md), word for word.
func TestOutcomesAreAppStatuses(t *testing.T) {
	statuses := map[string]bool{"ringing": true, "active": true, "answered": true, "voicemail": true,
		"missed": true, "rejected": true, "not_reached": true, "unknown": true}
	for _, o := range []sipgate.Outcome{sipgate.OutcomeAnswered, sipgate.OutcomeVoicemail, sipgate.OutcomeMissed,
		sipgate.OutcomeNotReached, sipgate.OutcomeUnknown} {
		if !statuses[string(o)] {
			t.Errorf("outcome %q is no call status", o)
		}
	}
}

func TestNormalizeNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"+492111234567", "+492111234567"},
		{" +492111234567 ", "+492111234567"},
		{"00492111234567", "+492111234567"},
		{"492111234567", "+492111234567"},
		{"02111234567", "02111234567"},
		{"000", "000"},
		{"0049", "+49"},
		{"12345", "12345"},
		{"w0", "w0"},
		{"anonymous", "anonymous"},
		{"ANONYMOUS", "anonymous"},
		{"", ""},
		{"+", "+"},
		{"+49 211 123", "+49 211 123"},
	} {
		if got := sipgate.NormalizeNumber(tc.in); got != tc.want {
			t.Errorf("NormalizeNumber(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
