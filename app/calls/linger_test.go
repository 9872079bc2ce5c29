package calls

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TestFinishedCallsLeaveMemory: a finished call stays in memory for
// finishedLinger (for duplicate pushes), an unknown one for StaleAfter
// (for a very late hangup), and a restart loads back only those.
func TestFinishedCallsLeaveMemory(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	opt := Options{Now: clock, SweepEvery: -1}
	tr, err := Open(st, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	push := func(ev webhook.Event) {
		if _, err := tr.Respond(context.Background(), ev); err != nil {
			t.Fatal(err)
		}
	}
	ring := webhook.Event{Type: webhook.NewCall, Direction: webhook.In, From: "+4921112345", To: "+4921155500123"}
	done, hung := ring, ring
	done.CallID = "done"
	hung.CallID = "hung"
	push(done)
	end := done
	end.Type, end.Cause = webhook.Hangup, webhook.Cancel
	push(end)
	push(hung) // never hangs up
	inMemory := func() int { tr.mu.Lock(); defer tr.mu.Unlock(); return len(tr.idx.byID) }

	for _, step := range []struct {
		advance time.Duration
		want    int
	}{
		{finishedLinger - time.Minute, 2}, // both still there
		{2 * time.Minute, 1},              // the finished call is forgotten
		{DefaultStaleAfter, 1},            // the ringing one became unknown
		{DefaultStaleAfter, 0},            // and is forgotten StaleAfter later
	} {
		advance(step.advance)
		if _, err := tr.Sweep(); err != nil {
			t.Fatal(err)
		}
		if got := inMemory(); got != step.want {
			t.Errorf("after +%v: %d calls in memory, want %d", step.advance, got, step.want)
		}
	}
	tr.Close()

	tr, err = Open(st, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	if got := inMemory(); got != 0 {
		t.Errorf("after a restart %d calls were loaded, want none (all finished long ago)", got)
	}
}
