package calls

import (
	"context"
	"fmt"
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

// TestFinishedCallsInMemoryAreBounded: a flood of short calls does not
// keep every one for finishedLinger; memory keeps the last finishedCap
// of them, and a late push of a call forgotten early still finds its
// stored call instead of starting a new one.
func TestFinishedCallsInMemoryAreBounded(t *testing.T) {
	st := openTestStore(t, t.TempDir())
	tr, err := Open(st, nil, Options{SweepEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	ctx := context.Background()
	push := func(ev webhook.Event) {
		t.Helper()
		if _, err := tr.Respond(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	ring := webhook.Event{Type: webhook.NewCall, Direction: webhook.In, From: "+4921112345", To: "+4921155500123"}
	live := ring
	live.CallID = "still-ringing"
	push(live)
	const extra = 100
	for i := range finishedCap + extra {
		ev := ring
		ev.CallID = fmt.Sprintf("short-%d", i)
		push(ev)
		ev.Type, ev.Cause = webhook.Hangup, webhook.Cancel
		push(ev)
	}
	tr.mu.Lock()
	inMemory := len(tr.idx.byID)
	_, liveKept := tr.idx.byLeg["still-ringing"]
	_, firstKept := tr.idx.byLeg["short-0"]
	_, lastKept := tr.idx.byLeg[fmt.Sprintf("short-%d", finishedCap+extra-1)]
	tr.mu.Unlock()
	if inMemory != finishedCap+1 {
		t.Errorf("%d calls in memory after %d short ones and a ringing one, want %d", inMemory, finishedCap+extra, finishedCap+1)
	}
	if !liveKept || firstKept || !lastKept {
		t.Errorf("kept: ringing call %v (want true), oldest finished %v (want false), newest finished %v (want true)", liveKept, firstKept, lastKept)
	}

	// A duplicate hangup of the first, forgotten call.
	late := ring
	late.CallID, late.Type, late.Cause = "short-0", webhook.Hangup, webhook.Cancel
	push(late)
	if err := tr.flush(ctx); err != nil {
		t.Fatal(err)
	}
	var n, total int
	if err := st.R.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE leg_key = 'short-0'), count(*) FROM calls`).Scan(&n, &total); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("the late push of a forgotten call left %d rows for it, want 1", n)
	}
	if want := finishedCap + extra + 1; total != want {
		t.Errorf("%d calls stored, want %d", total, want)
	}
}
