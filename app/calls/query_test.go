package calls_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// history makes five calls: 1 Erika answered, 2 Erika missed, 3 stranger
// missed, 4 Hans (outgoing) not reached, 5 anonymous ringing.
func history(t *testing.T, opt calls.Options) *calls.Tracker {
	t.Helper()
	tr := newTracker(t, newClock(), opt)
	for i, bodies := range [][]string{
		{erika.newCall("c1", "c1", anna), erika.answer("c1", "c1", "", "user", "Anna Mayer"), erika.hangup("c1", "c1", "normalClearing")},
		{erika.newCall("c2", "c2", anna), erika.hangup("c2", "c2", "cancel")},
		{stranger.newCall("c3", "c3", jurgen), stranger.hangup("c3", "c3", "noAnswer")},
		{dialOut.newCall("c4", "c4", jurgen), dialOut.hangup("c4", "c4", "busy")},
		{anon.newCall("c5", "c5", jurgen)},
	} {
		for _, b := range bodies {
			respond(t, tr, b)
		}
		if last, _ := tr.Last(); last.ID != int64(i+1) {
			t.Fatalf("Last().ID = %d, want %d", last.ID, i+1)
		}
	}
	return tr
}

func ids(cs []calls.Call) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func TestRecent(t *testing.T) {
	tr := history(t, calls.Options{})
	tests := []struct {
		q    calls.Query
		want []int64
	}{
		{calls.Query{}, []int64{5, 4, 3, 2, 1}},
		{calls.Query{Limit: 2}, []int64{5, 4}},
		{calls.Query{Limit: 2, Before: 4}, []int64{3, 2}},
		{calls.Query{Status: calls.StatusMissed}, []int64{3, 2}},
		{calls.Query{Status: calls.StatusNotReached}, []int64{4}},
		{calls.Query{Statuses: []calls.Status{calls.StatusMissed, calls.StatusNotReached}}, []int64{4, 3, 2}},
		{calls.Query{Status: calls.StatusRinging, Statuses: []calls.Status{calls.StatusAnswered}}, []int64{5, 1}},
		{calls.Query{Search: "mustermann"}, []int64{2, 1}},
		{calls.Query{Search: "SPREE"}, []int64{4}},
		{calls.Query{Search: "0178 1234"}, []int64{3}},
		{calls.Query{Search: "+49 178 1234"}, []int64{3}},
		{calls.Query{Search: "0049 30 123"}, []int64{4}},
		{calls.Query{Search: "5500123"}, []int64{5, 4, 2, 1}},
		{calls.Query{Search: "erika", Status: calls.StatusAnswered}, []int64{1}},
		{calls.Query{Search: "nobody"}, []int64{}},
	}
	for _, tt := range tests {
		got, err := tr.Recent(context.Background(), tt.q)
		if err != nil || !slices.Equal(ids(got), tt.want) {
			t.Errorf("Recent(%+v) = %v, %v, want %v", tt.q, ids(got), err, tt.want)
		}
	}
}

func TestExportOldestFirst(t *testing.T) {
	tr := history(t, calls.Options{})
	var got []int64
	err := tr.Export(context.Background(), func(c calls.Call) error { got = append(got, c.ID); return nil })
	if want := []int64{1, 2, 3, 4, 5}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Export() = %v, %v, want %v", got, err, want)
	}
	stop := errors.New("stop")
	err = tr.Export(context.Background(), func(calls.Call) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("Export(fn failing) = %v, want %v", err, stop)
	}
}

func TestGetMissing(t *testing.T) {
	tr := history(t, calls.Options{})
	if _, err := tr.Get(context.Background(), 42); !errors.Is(err, calls.ErrNotFound) {
		t.Errorf("Get(42) = %v, want ErrNotFound", err)
	}
}

// TestKeepPrunes: the history keeps the newest Keep calls.
func TestKeepPrunes(t *testing.T) {
	clk := newClock()
	st := openStore(t, t.TempDir())
	tr := openTracker(t, st, clk, calls.Options{Keep: 3})
	for i := range 5 {
		id := fmt.Sprint("k", i)
		respond(t, tr, erika.newCall(id, id, anna))
		respond(t, tr, erika.hangup(id, id, "cancel"))
	}
	tr.Close() // prunes what is left to prune
	tr = openTracker(t, st, clk, calls.Options{Keep: 3})
	got, err := tr.Recent(context.Background(), calls.Query{})
	if want := []int64{5, 4, 3}; err != nil || !slices.Equal(ids(got), want) {
		t.Errorf("Recent() with Keep 3 = %v, %v, want %v", ids(got), err, want)
	}
}

// TestHistoryBesideTracker: a one-shot command reads the history while
// the listener's Tracker runs.
func TestHistoryBesideTracker(t *testing.T) {
	st := openStore(t, t.TempDir())
	h, err := calls.OpenHistory(st)
	if err != nil {
		t.Fatalf("OpenHistory(empty store) = %v", err)
	}
	if got, err := h.Recent(context.Background(), calls.Query{}); err != nil || len(got) != 0 {
		t.Errorf("Recent() on an empty history = %v, %v, want none", ids(got), err)
	}
	tr := openTracker(t, st, newClock(), calls.Options{})
	respond(t, tr, erika.newCall(legA, legA, anna))
	got, err := h.Recent(context.Background(), calls.Query{})
	if err != nil || len(got) != 1 || got[0].Contact != "Erika Mustermann" {
		t.Errorf("History.Recent() beside a Tracker = %s, %v, want Erika's call", jsonOf(got), err)
	}
}

func TestQueryWants(t *testing.T) {
	for _, tc := range []struct {
		q    calls.Query
		s    calls.Status
		want bool
	}{
		{calls.Query{}, calls.StatusAnswered, true},
		{calls.Query{Status: calls.StatusMissed}, calls.StatusMissed, true},
		{calls.Query{Status: calls.StatusMissed}, calls.StatusVoicemail, false},
		{calls.Query{Statuses: []calls.Status{calls.StatusMissed, calls.StatusVoicemail}}, calls.StatusVoicemail, true},
		{calls.Query{Statuses: []calls.Status{calls.StatusMissed, calls.StatusVoicemail}}, calls.StatusAnswered, false},
	} {
		if got := tc.q.Wants(tc.s); got != tc.want {
			t.Errorf("Query{%q %v}.Wants(%s) = %v, want %v", tc.q.Status, tc.q.Statuses, tc.s, got, tc.want)
		}
	}
}

// TestGetByKey: a call is found by its key, which is the first leg's
// origCallId when sipgate sent one, as soon as its push was answered.
func TestGetByKey(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	respond(t, tr, erika.newCall("leg-1", "", anna))
	respond(t, tr, erika.newCall("leg-2", "orig-2", anna))
	ctx := context.Background()
	for _, tc := range []struct{ key, wantLeg string }{
		{"leg-1", "leg-1"},
		{"orig-2", "leg-2"},
	} {
		c, err := tr.GetByKey(ctx, tc.key)
		if err != nil || c.Key() != tc.key || len(c.Legs) == 0 || c.Legs[0].CallID != tc.wantLeg {
			t.Errorf("GetByKey(%q) = %+v, %v; want the call of leg %s", tc.key, c, err, tc.wantLeg)
		}
	}
	if _, err := tr.GetByKey(ctx, "leg-2"); !errors.Is(err, calls.ErrNotFound) {
		t.Errorf("GetByKey(a leg id that is not the key) = %v, want ErrNotFound", err)
	}
	if _, err := tr.GetByKey(ctx, "nope"); !errors.Is(err, calls.ErrNotFound) {
		t.Errorf("GetByKey(nope) = %v, want ErrNotFound", err)
	}
}
