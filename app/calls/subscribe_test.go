package calls_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// guard is how long a test waits for a change that must come; it only
// bounds a failing test, nothing waits for it to pass.
const guard = 10 * time.Second

func receive(t *testing.T, s *calls.Subscription) calls.Call {
	t.Helper()
	select {
	case c, ok := <-s.C():
		if !ok {
			t.Fatal("subscription closed, want a call")
		}
		return c
	case <-time.After(guard):
		t.Fatal("no call published")
	}
	return calls.Call{}
}

// TestSubscriptionSeesEachChangeOnce: every change arrives, a duplicate
// push publishes nothing.
func TestSubscriptionSeesEachChangeOnce(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	s := tr.Subscribe(4)
	defer s.Close()
	steps := []struct {
		body string
		want calls.Status
	}{
		{erika.newCall(legA, legA, anna), calls.StatusRinging},
		{erika.newCall(legA, legA, anna), ""},
		{erika.answer(legA, legA, "", "user", "Anna Mayer"), calls.StatusActive},
		{erika.answer(legA, legA, "", "user", "Anna Mayer"), ""},
		{erika.hangup(legA, legA, "normalClearing"), calls.StatusAnswered},
		{erika.hangup(legA, legA, "normalClearing"), ""},
		{dialOut.newCall(legX, legX, jurgen), calls.StatusRinging},
	}
	for i, st := range steps {
		respond(t, tr, st.body)
		if st.want == "" {
			continue
		}
		if got := receive(t, s); got.Status != st.want {
			t.Errorf("after step %d: published %d %s, want %s", i, got.ID, got.Status, st.want)
		}
	}
}

// TestSlowSubscriberCoalesces: a subscriber that does not read blocks
// nothing, and then gets at most the state its pump held plus the latest
// one per call, in the order the calls first changed.
func TestSlowSubscriberCoalesces(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	slow := tr.Subscribe(0)
	defer slow.Close()
	const legs = 50
	for i := range legs {
		respond(t, tr, erika.newCall(fmt.Sprintf("%s-%d", legA, i), legA, anna))
		respond(t, tr, dialOut.newCall(fmt.Sprintf("%s-%d", legX, i), legX, jurgen))
	}
	respond(t, tr, stranger.newCall(legB, legB, jurgen)) // the sentinel: call 3
	seen := map[int64][]int{}
	for c := receive(t, slow); c.ID != 3; c = receive(t, slow) {
		seen[c.ID] = append(seen[c.ID], len(c.Legs))
	}
	for id := int64(1); id <= 2; id++ {
		got := seen[id]
		if len(got) == 0 || len(got) > 2 || got[len(got)-1] != legs {
			t.Errorf("call %d: slow subscriber got states with %v legs, want at most 2 states ending with %d legs", id, got, legs)
		}
	}
}

func TestSubscriptionsClose(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	a, b := tr.Subscribe(1), tr.Subscribe(1)
	respond(t, tr, erika.newCall(legA, legA, anna))
	if got := receive(t, b); got.ID != 1 {
		t.Errorf("second subscriber got call %d, want 1", got.ID)
	}
	a.Close()
	for range a.C() { // drains what was sent before Close, then ends
	}
	tr.Close()
	for range b.C() {
	}
	late := tr.Subscribe(1)
	if _, ok := <-late.C(); ok {
		t.Error("Subscribe after Close: C() delivered a call, want it closed")
	}
}

func TestSweepPublishesUnknown(t *testing.T) {
	clk := newClock()
	tr := newTracker(t, clk, calls.Options{})
	s := tr.Subscribe(1)
	defer s.Close()
	respond(t, tr, erika.newCall(legA, legA, anna))
	receive(t, s)
	clk.Advance(4 * time.Hour)
	tr.Sweep()
	if got := receive(t, s); got.Status != calls.StatusUnknown {
		t.Errorf("after Sweep: published %s, want unknown", got.Status)
	}
}
