package team

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// Recent serves the fake's calls newest first, as calls.Tracker does.
func (f *fakeTracker) Recent(_ context.Context, q calls.Query) ([]calls.Call, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []calls.Call
	for _, c := range f.byKey {
		if q.Before == 0 || c.ID < q.Before {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b calls.Call) int { return int(b.ID - a.ID) })
	return out[:min(len(out), q.Limit)], nil
}

// stored plays a change the tracker committed but whose report never
// reached the team (the process was killed in between).
func (f *fakeTracker) stored(key string, status calls.Status) {
	f.webhook(key, status)
	<-f.changes
}

func TestRestartQueuesCallsStoredButNeverQueued(t *testing.T) {
	rxFake, dkFake, rxDir := newFake(), newFake(), t.TempDir()
	rxFake.startAt = time.Now().UTC() // recovery looks at the calls of the last day
	cfg := Config{Listen: fmt.Sprint("127.0.0.1:", freePort(t)), Team: "office"}
	withHistory := func(o *Options) { o.Receiver, o.History = true, rxFake }
	rx := desk(t, cfg, rxDir, rxFake, withHistory)
	dk := desk(t, urlConfig(rx.ServerURL()), t.TempDir(), dkFake)
	ready(t, dk)
	rxFake.webhook("before", calls.StatusMissed)
	waitFor(t, "the desk to have the first call", func() bool { _, ok := dkFake.get("before"); return ok })
	rx.Close()

	rxFake.stored("lost-new", calls.StatusMissed)
	rxFake.stored("before", calls.StatusAnswered) // a newer state of a queued call
	desk(t, cfg, rxDir, rxFake, withHistory)
	waitFor(t, "the desk to get both states the restart queued", func() bool {
		c, ok := dkFake.get("before")
		_, lost := dkFake.get("lost-new")
		return ok && c.Status == calls.StatusAnswered && lost
	})
	if n := dkFake.appliedTimes("lost-new"); n != 1 {
		t.Errorf("lost-new applied %d times, want once", n)
	}
}

func TestADeskBecomesAReceiverWithItsFirstWebhook(t *testing.T) {
	rx, _, dk, dkFake, _ := receiverAndDesk(t)
	ctx := context.Background()
	waitFor(t, "the receiver alone online", func() bool { return len(dk.Status(ctx).Receivers) == 1 })
	dkFake.webhook("desk-call", calls.StatusMissed)
	waitFor(t, "both online", func() bool {
		rs := rx.Status(ctx).Receivers
		return len(rs) == 2 && slices.ContainsFunc(rs, func(r Receiver) bool { return r.Instance == dk.InstanceID() && r.LastWebhook != nil })
	})
}
