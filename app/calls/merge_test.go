package calls_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// remote is a call as another desk publishes it: its own id and
// contact id, which must not survive the merge.
func remote(key string, version int64, status calls.Status, from string) calls.Call {
	c := calls.Call{ID: 9000, Direction: calls.In, From: from, To: "+4921155500123",
		Contact: "Their Name", Company: "Their Co", ContactID: 555, Match: "exact",
		Users: []string{"Anna Mayer"}, Status: status, StartedAt: *at(0), Version: version, Source: calls.FromTeam,
		Legs: []calls.Leg{{CallID: key, Users: []string{"Anna Mayer"}, StartedAt: *at(0)}}}
	if status == calls.StatusMissed {
		c.Cause, c.EndedAt = "cancel", at(20)
		c.Legs[0].Cause, c.Legs[0].EndedAt = "cancel", at(20)
	}
	return c
}

func merge(t *testing.T, tr *calls.Tracker, in calls.Call) (calls.Call, bool) {
	t.Helper()
	out, applied, err := tr.Merge(context.Background(), in)
	if err != nil {
		t.Fatalf("Merge(%s v%d) = %v", in.Key(), in.Version, err)
	}
	return out, applied
}

// TestMergeTeam: a state from another desk becomes a local call with a
// local id and the local book's name; only newer versions change it;
// a live one takes the webhook's pushes; the same state twice changes
// nothing.
func TestMergeTeam(t *testing.T) {
	clk := newClock()
	st := openStore(t, t.TempDir())
	tr := openTracker(t, st, clk, calls.Options{PublicURL: hook})
	respond(t, tr, erika.newCall("local", "local", anna)) // id 1
	s := tr.Subscribe(16)
	defer s.Close()

	out, applied := merge(t, tr, remote(legA, 4, calls.StatusRinging, "+4921112345"))
	if !applied || out.ID != 2 || out.Version != 4 || out.Source != calls.FromTeam || out.Contact != "Erika Mustermann" ||
		out.ContactID != 7 || out.City != "Düsseldorf" || out.Key() != legA {
		t.Errorf("Merge(new ringing call) = %s, %v, want id 2, version 4 from the team, named by the local book", jsonOf(out), applied)
	}
	if got := receive(t, s); got.ID != 2 || got.Source != calls.FromTeam {
		t.Errorf("Merge published call %d from %q, want call 2 from the team", got.ID, got.Source)
	}
	if got := get(t, tr, 2); jsonOf(got) != jsonOf(out) {
		t.Errorf("stored call 2 = %s\nwant what Merge returned %s", jsonOf(got), jsonOf(out))
	}
	before := writes(t, st)
	for _, v := range []int64{4, 3} {
		if got, applied := merge(t, tr, remote(legA, v, calls.StatusMissed, "+4921112345")); applied || got.Status != calls.StatusRinging {
			t.Errorf("Merge(version %d over 4) = %s, %v, want the ringing call unchanged, not applied", v, got.Status, applied)
		}
	}
	if n := writes(t, st) - before; n != 0 {
		t.Errorf("merging old versions changed %d rows, want 0", n)
	}
	respond(t, tr, erika.answer(legA, legA, "", "user", "Anna Mayer"))
	if got := get(t, tr, 2); got.Status != calls.StatusActive || got.Version != 5 || got.AnsweredBy != "Anna Mayer" {
		t.Errorf("call 2 after the webhook's answer = %s v%d by %q, want active v5 by Anna Mayer", got.Status, got.Version, got.AnsweredBy)
	}
	receive(t, s)
	newer := remote(legA, 9, calls.StatusMissed, "+4921112345")
	newer.ClaimedBy, newer.ClaimedAt = "Marty McFly", at(60)
	out, applied = merge(t, tr, newer)
	if !applied || out.ID != 2 || out.Status != calls.StatusMissed || out.Version != 9 || out.ClaimedBy != "Marty McFly" ||
		out.ContactID != 7 || out.Source != calls.FromTeam {
		t.Errorf("Merge(version 9) = %s, %v, want call 2 missed, v9, claimed by Marty, named locally", jsonOf(out), applied)
	}
	if got := receive(t, s); got.Version != 9 {
		t.Errorf("Merge(version 9) published version %d", got.Version)
	}
	before = writes(t, st)
	if _, applied := merge(t, tr, newer); applied {
		t.Error("Merge(the same version 9 again) applied, want nothing")
	}
	if n := writes(t, st) - before; n != 0 {
		t.Errorf("merging the same state again changed %d rows, want 0", n)
	}
	quiet(t, tr, s, "old and equal merges")
}

// TestMergeUnknownParty: a party the local book does not know keeps the
// other desk's name, without its contact id; an ended call found again
// after it left memory is updated, not duplicated.
func TestMergeUnknownParty(t *testing.T) {
	clk := newClock()
	tr := newTracker(t, clk, calls.Options{})
	out, _ := merge(t, tr, remote(legB, 1, calls.StatusMissed, "+4917812345678"))
	if out.Contact != "Their Name" || out.ContactID != 0 || out.Match != "" || out.ID != 1 {
		t.Errorf("Merge(unknown party) = %s, want their name without their contact id", jsonOf(out))
	}
	clk.Advance(calls.DefaultStaleAfter)
	tr.Sweep()
	again := remote(legB, 2, calls.StatusMissed, "+4917812345678")
	again.DoneAt = at(3600)
	if out, applied := merge(t, tr, again); !applied || out.ID != 1 || out.DoneAt == nil {
		t.Errorf("Merge(v2 of a stored call) = %s, %v, want call 1 done", jsonOf(out), applied)
	}
	if all, err := tr.Recent(context.Background(), calls.Query{}); err != nil || len(all) != 1 {
		t.Errorf("Recent() = %v, %v, want one call", ids(all), err)
	}
}

// history is an entry of sipgate's /history with its own id.
func historyEntry(id string, from string, started float64, status calls.Status) calls.Call {
	c := calls.Call{Direction: calls.In, From: from, To: "+4921155500123", Status: status,
		StartedAt: *at(started), Source: calls.FromSipgateHistory, Version: 1,
		Legs: []calls.Leg{{CallID: id, StartedAt: *at(started)}}}
	if status == calls.StatusAnswered {
		c.AnsweredBy, c.AnsweredAt, c.EndedAt, c.DurationSeconds = "Anna Mayer", at(started+5), at(started+65), 60
	}
	return c
}

// TestMergeHistory: an entry of sipgate's history is the local call with
// the same party that started within a minute; it settles a call whose
// hangup never came, never overwrites what the webhook settled, and an
// entry that matches nothing is added once.
func TestMergeHistory(t *testing.T) {
	clk := newClock()
	st := openStore(t, t.TempDir())
	tr := openTracker(t, st, clk, calls.Options{})
	respond(t, tr, erika.newCall("w1", "w1", anna)) // 1: its hangup never comes
	respond(t, tr, erika.answer("w1", "w1", "", "user", "Anna Mayer"))
	clk.Advance(10 * time.Minute)
	respond(t, tr, stranger.newCall("w2", "w2", jurgen)) // 2: missed, settled
	respond(t, tr, stranger.hangup("w2", "w2", "cancel"))
	clk.Advance(calls.DefaultStaleAfter)
	tr.Sweep()
	if got := get(t, tr, 1); got.Status != calls.StatusUnknown {
		t.Fatalf("call 1 = %s, want unknown", got.Status)
	}

	out, applied := merge(t, tr, historyEntry("h1", "+4921112345", 40, calls.StatusAnswered))
	if !applied || out.ID != 1 || out.Status != calls.StatusAnswered || out.DurationSeconds != 60 ||
		out.Source != calls.FromWebhook || out.Version != 4 || out.Key() != "w1" {
		t.Errorf("Merge(history of call 1) = %s, %v, want call 1 answered for 60s, v4, still from the webhook", jsonOf(out), applied)
	}
	before := writes(t, st)
	for _, e := range []calls.Call{
		historyEntry("h1", "+4921112345", 40, calls.StatusAnswered),     // the same entry again
		historyEntry("h2", "+4917812345678", 600, calls.StatusAnswered), // says call 2 was answered
	} {
		if got, applied := merge(t, tr, e); applied {
			t.Errorf("Merge(%s) = %s, applied, want nothing changed", e.Key(), jsonOf(got))
		}
	}
	if n := writes(t, st) - before; n != 0 {
		t.Errorf("history entries with nothing new changed %d rows, want 0", n)
	}
	if got := get(t, tr, 2); got.Status != calls.StatusMissed {
		t.Errorf("call 2 after its history entry = %s, want missed as the webhook settled it", got.Status)
	}
	far := historyEntry("h3", "+4921112345", 2*3600, calls.StatusMissed)
	for i := range 2 {
		out, applied := merge(t, tr, far)
		if applied != (i == 0) || out.ID != 3 || out.Source != calls.FromSipgateHistory || out.Contact != "Erika Mustermann" {
			t.Errorf("Merge(unmatched entry) #%d = %s, %v, want call 3 from the history, applied once", i+1, jsonOf(out), applied)
		}
	}
}

func TestMergeRefusesBadStates(t *testing.T) {
	ok := remote(legA, 1, calls.StatusRinging, "+4921112345")
	bad := func(f func(*calls.Call)) calls.Call {
		c := remote(legA, 1, calls.StatusRinging, "+4921112345")
		f(&c)
		return c
	}
	for _, tc := range []struct {
		name string
		in   calls.Call
	}{
		{"direction", bad(func(c *calls.Call) { c.Direction = "sideways" })},
		{"status", bad(func(c *calls.Call) { c.Status = "lost" })},
		{"source", bad(func(c *calls.Call) { c.Source = "fax" })},
		{"version", bad(func(c *calls.Call) { c.Version = -1 })},
		{"no key", bad(func(c *calls.Call) { c.Legs = nil })},
		{"history entry with neither key nor party", bad(func(c *calls.Call) {
			c.Legs, c.From, c.Source = nil, "", calls.FromSipgateHistory
		})},
	} {
		tr := newTracker(t, newClock(), calls.Options{})
		if _, applied, err := tr.Merge(context.Background(), tc.in); err == nil || applied {
			t.Errorf("Merge(bad %s) = %v, %v, want an error", tc.name, applied, err)
		}
		if all, _ := tr.Recent(context.Background(), calls.Query{}); len(all) != 0 {
			t.Errorf("Merge(bad %s) stored %d calls, want none", tc.name, len(all))
		}
	}
	tr := newTracker(t, newClock(), calls.Options{})
	if _, applied, err := tr.Merge(context.Background(), ok); err != nil || !applied {
		t.Errorf("Merge(good state) = %v, %v, want applied", applied, err)
	}
	tr.Close()
	if _, _, err := tr.Merge(context.Background(), ok); !errors.Is(err, calls.ErrClosed) {
		t.Errorf("Merge after Close = %v, want ErrClosed", err)
	}
}

func TestKey(t *testing.T) {
	for _, tc := range []struct {
		legs []calls.Leg
		want string
	}{
		{nil, ""},
		{[]calls.Leg{{CallID: "a"}}, "a"},
		{[]calls.Leg{{CallID: "b", OrigCallID: "a"}, {CallID: "c", OrigCallID: "a"}}, "a"},
		{[]calls.Leg{{CallID: "a"}, {CallID: "b", OrigCallID: "a"}}, "a"},
	} {
		if got := (calls.Call{ID: 42, Legs: tc.legs}).Key(); got != tc.want {
			t.Errorf("Key(%v) = %q, want %q", tc.legs, got, tc.want)
		}
	}
}
