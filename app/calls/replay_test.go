package calls_test

import (
	"context"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// writes is how many rows the store's writer connection has changed.
func writes(t *testing.T, st *store.Store) int64 {
	t.Helper()
	var n int64
	if err := st.W.QueryRow(`SELECT total_changes()`).Scan(&n); err != nil {
		t.Fatalf("total_changes() = %v", err)
	}
	return n
}

// quiet checks that s got nothing: a sentinel call made now must be the
// next thing it receives.
func quiet(t *testing.T, tr *calls.Tracker, s *calls.Subscription, what string) {
	t.Helper()
	respond(t, tr, dialOut.newCall("sentinel-"+what, "sentinel-"+what, jurgen))
	if got := receive(t, s); got.Legs[0].CallID != "sentinel-"+what {
		t.Errorf("after %s the subscriber got call %d (%s, version %d), want nothing before the sentinel",
			what, got.ID, got.Status, got.Version)
	}
}

// replayCall is one whole call, answered.
var replayCall = []string{erika.newCall(legA, legA, anna),
	erika.answer(legA, legA, "", "user", "Anna Mayer"), erika.hangup(legA, legA, "normalClearing")}

// TestReplaysWriteNothing: the signed pushes of a call replayed many
// times write no row, make no version and publish nothing; each still
// gets the answer it got the first time.
func TestReplaysWriteNothing(t *testing.T) {
	st := openStore(t, t.TempDir())
	tr := openTracker(t, st, newClock(), calls.Options{PublicURL: hook})
	for _, b := range replayCall {
		respond(t, tr, b)
	}
	s := tr.Subscribe(16)
	defer s.Close()
	if _, err := tr.Recent(context.Background(), calls.Query{}); err != nil { // folds what the journal holds
		t.Fatal(err)
	}
	before := writes(t, st)
	for range 300 {
		for i, b := range replayCall {
			if got, want := respond(t, tr, b), []webhook.Response{subscribed, {}, {}}[i]; got != want {
				t.Fatalf("replayed push %d answered %+v, want %+v", i, got, want)
			}
		}
	}
	if got := writes(t, st) - before; got != 0 {
		t.Errorf("900 replayed pushes changed %d rows, want 0", got)
	}
	if c := get(t, tr, 1); c.Version != 3 || c.Status != calls.StatusAnswered {
		t.Errorf("Get(1) after the replays = version %d %s, want version 3 answered", c.Version, c.Status)
	}
	quiet(t, tr, s, "replays")
}

// TestReplayAfterForgetting: once the call left memory (its linger time,
// a restart), a replayed newCall must not ring again or make a new call,
// and a replayed hangup must not make an orphan call.
func TestReplayAfterForgetting(t *testing.T) {
	for _, restart := range []bool{false, true} {
		clk := newClock()
		st := openStore(t, t.TempDir())
		tr := openTracker(t, st, clk, calls.Options{PublicURL: hook})
		for _, b := range replayCall {
			respond(t, tr, b)
		}
		clk.Advance(2 * calls.DefaultStaleAfter)
		if restart {
			tr.Close()
			tr = openTracker(t, st, clk, calls.Options{PublicURL: hook})
		} else if _, err := tr.Sweep(); err != nil {
			t.Fatal(err)
		}
		s := tr.Subscribe(16)
		if _, err := tr.Recent(context.Background(), calls.Query{}); err != nil { // folds what the journal holds
			t.Fatal(err)
		}
		before := writes(t, st)
		for _, b := range append(replayCall, erika.newCall(legA, legA, anna), erika.hangup(legA, legA, "cancel")) {
			respond(t, tr, b)
			clk.Advance(time.Hour)
			tr.Sweep()
		}
		if got := writes(t, st) - before; got != 0 {
			t.Errorf("restart %v: replays after forgetting changed %d rows, want 0", restart, got)
		}
		all, err := tr.Recent(context.Background(), calls.Query{})
		if err != nil || len(all) != 1 || all[0].Status != calls.StatusAnswered || all[0].Version != 3 {
			t.Errorf("restart %v: Recent() after the replays = %s, %v, want the one answered call, version 3", restart, jsonOf(all), err)
		}
		quiet(t, tr, s, "forgotten replays")
		s.Close()
	}
}
