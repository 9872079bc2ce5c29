package team

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// The real tracker is what Start is wired with.
var _ Tracker = (*calls.Tracker)(nil)

// realTracker opens a calls.Tracker on a SQLite file in a new temp dir.
func realTracker(t *testing.T) (*calls.Tracker, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := calls.Open(st, nil, calls.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close(); st.Close() })
	return tr, dir
}

// realDesk starts a team member on a real tracker.
func realDesk(t *testing.T, cfg Config, tr *calls.Tracker, dir string, receiver bool) *Team {
	t.Helper()
	sub := tr.Subscribe(64)
	t.Cleanup(sub.Close)
	tm, err := Start(Options{Config: cfg, DataDir: dir, Tracker: tr, Changes: sub.C(), Receiver: receiver,
		Logger: testLogger(t), RetryMax: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tm.Close() })
	ready(t, tm)
	return tm
}

// findCall returns the call with that key in tr's history.
func findCall(tr *calls.Tracker, key string) (calls.Call, bool) {
	all, err := tr.Recent(context.Background(), calls.Query{Limit: 100})
	for _, c := range all {
		if err == nil && c.Key() == key {
			return c, true
		}
	}
	return calls.Call{}, false
}

func TestRealTrackersShareAMissedCallAndItsClaim(t *testing.T) {
	rxTr, rxDir := realTracker(t)
	dkTr, dkDir := realTracker(t)
	rx := realDesk(t, Config{Listen: "127.0.0.1:0"}, rxTr, rxDir, true)
	dk := realDesk(t, Config{URLs: []string{rx.ServerURL()}}, dkTr, dkDir, false)

	ctx := context.Background()
	push := webhook.Event{Direction: webhook.In, From: "+4921112345678", To: "+4921199999", CallID: "real-1", Users: []string{"Anna"}}
	for _, typ := range []webhook.EventType{webhook.NewCall, webhook.Hangup} {
		push.Type, push.Cause = typ, webhook.Cancel
		if _, err := rxTr.Respond(ctx, push); err != nil {
			t.Fatalf("Respond(%s) = %v", typ, err)
		}
	}
	waitFor(t, "the desk to have the missed call from the team", func() bool {
		c, ok := findCall(dkTr, "real-1")
		return ok && c.Status == calls.StatusMissed && c.Source == calls.FromTeam
	})
	if _, err := dk.Claim(ctx, "real-1", "Anna"); err != nil {
		t.Fatalf("Claim = %v", err)
	}
	waitFor(t, "the receiver to show Anna's claim", func() bool {
		c, _ := findCall(rxTr, "real-1")
		return c.ClaimedBy == "Anna"
	})
	if _, err := rx.Claim(ctx, "real-1", "Ben"); !errors.Is(err, calls.ErrClaimed) {
		t.Errorf("a second Claim = %v, want calls.ErrClaimed", err)
	}
}
