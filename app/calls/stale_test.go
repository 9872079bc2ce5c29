package calls_test

import (
	"context"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// respond parses a push body and hands it to tr.
func respond(t *testing.T, tr *calls.Tracker, body string) webhook.Response {
	t.Helper()
	ev, err := webhook.ParseBody([]byte(body))
	if err != nil {
		t.Fatalf("ParseBody(%s) = %v", body, err)
	}
	resp, err := tr.Respond(context.Background(), ev)
	if err != nil {
		t.Fatalf("Respond(%s) = %v", body, err)
	}
	return resp
}

func get(t *testing.T, tr *calls.Tracker, id int64) calls.Call {
	t.Helper()
	c, err := tr.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%d) = %v", id, err)
	}
	return c
}

func TestStaleCallBecomesUnknown(t *testing.T) {
	tests := []struct {
		name   string
		stale  time.Duration // Options.StaleAfter; 0 is the default 4h
		bodies []string
		wait   time.Duration
		want   calls.Status
		marked int
	}{
		{"ringing, not yet stale", 0, []string{erika.newCall(legA, legA, anna)}, 4*time.Hour - time.Second, calls.StatusRinging, 0},
		{"ringing, stale after 4h", 0, []string{erika.newCall(legA, legA, anna)}, 4 * time.Hour, calls.StatusUnknown, 1},
		{"active, stale after 10m", 10 * time.Minute, []string{erika.newCall(legA, legA, anna),
			erika.answer(legA, legA, "", "user", "Anna Mayer")}, 10 * time.Minute, calls.StatusUnknown, 1},
		{"forwarded, the next leg never came", 0, []string{erika.newCall(legA, legA, anna),
			erika.hangup(legA, legA, "forwarded")}, 5 * time.Hour, calls.StatusUnknown, 1},
		{"voicemail without its hangup (sipgate.io issue 43) stays voicemail", 0, []string{stranger.newCall(legB, legA, vmbox),
			stranger.answer(legB, legA, "", "user", "")}, 5 * time.Hour, calls.StatusVoicemail, 0},
		{"ended calls stay as they are", 0, []string{erika.newCall(legA, legA, anna),
			erika.hangup(legA, legA, "cancel")}, 5 * time.Hour, calls.StatusMissed, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock()
			tr := newTracker(t, clk, calls.Options{StaleAfter: tt.stale})
			for _, b := range tt.bodies {
				respond(t, tr, b)
			}
			clk.Advance(tt.wait)
			n, err := tr.Sweep()
			if got := get(t, tr, 1); n != tt.marked || err != nil || got.Status != tt.want {
				t.Errorf("Sweep() after %v = %d, %v; status %s, want %d, nil; status %s", tt.wait, n, err, got.Status, tt.marked, tt.want)
			}
		})
	}
}

// TestLateHangupResolvesUnknown: a hangup that comes after the stale
// timeout still gives the call its true outcome.
func TestLateHangupResolvesUnknown(t *testing.T) {
	clk := newClock()
	tr := newTracker(t, clk, calls.Options{})
	respond(t, tr, erika.newCall(legA, legA, anna))
	respond(t, tr, erika.answer(legA, legA, "", "user", "Anna Mayer"))
	clk.Advance(5 * time.Hour)
	tr.Sweep()
	respond(t, tr, erika.hangup(legA, legA, "normalClearing"))
	got := get(t, tr, 1)
	if got.Status != calls.StatusAnswered || got.DurationSeconds != 5*3600 || got.Cause != "normalClearing" {
		t.Errorf("late hangup: Get(1) = %s, %ds, %q, want answered, %ds, normalClearing", got.Status, got.DurationSeconds, got.Cause, 5*3600)
	}
}

// TestRestartKeepsLiveCalls: a call that was ringing when the app stopped
// is found by its answer and hangup after the restart (no orphan).
func TestRestartKeepsLiveCalls(t *testing.T) {
	clk := newClock()
	st := openStore(t, t.TempDir())
	tr := openTracker(t, st, clk, calls.Options{})
	respond(t, tr, stranger.newCall(legA, legA, jurgen))
	respond(t, tr, stranger.hangup(legA, legA, "forwarded"))
	respond(t, tr, stranger.newCall(legB, legA, vmbox, "diversion", "4920398765"))
	tr.Close()

	clk.Advance(time.Minute)
	tr = openTracker(t, st, clk, calls.Options{})
	if resp := respond(t, tr, stranger.newCall(legB, legA, vmbox)); resp != (webhook.Response{}) {
		t.Errorf("Respond(duplicate newCall after restart) = %+v, want the zero Response", resp)
	}
	respond(t, tr, stranger.answer(legB, legA, "", "user", ""))
	respond(t, tr, stranger.hangup(legB, legA, "normalClearing"))
	got, err := tr.Recent(context.Background(), calls.Query{})
	if err != nil || len(got) != 1 || got[0].Status != calls.StatusVoicemail || len(got[0].Legs) != 2 {
		t.Fatalf("Recent() after restart = %s, %v, want one voicemail call with 2 legs", jsonOf(got), err)
	}
	if last, _ := tr.Last(); last.ID != 1 || last.Status != calls.StatusVoicemail {
		t.Errorf("Last() after restart = %d %s, want 1 voicemail", last.ID, last.Status)
	}
}

// TestRestartMarksOldCallsUnknown: a call left ringing by a stop longer
// than StaleAfter is unknown as soon as the tracker opens again.
func TestRestartMarksOldCallsUnknown(t *testing.T) {
	clk := newClock()
	st := openStore(t, t.TempDir())
	tr := openTracker(t, st, clk, calls.Options{})
	respond(t, tr, erika.newCall(legA, legA, anna))
	tr.Close()
	clk.Advance(5 * time.Hour)
	tr = openTracker(t, st, clk, calls.Options{})
	if got := get(t, tr, 1); got.Status != calls.StatusUnknown {
		t.Errorf("Get(1) after a 5h stop = %s, want unknown", got.Status)
	}
	respond(t, tr, erika.newCall(legB, legB, anna))
	if last, _ := tr.Last(); last.ID != 2 {
		t.Errorf("Last().ID after restart = %d, want 2 (ids go on)", last.ID)
	}
}

// TestSweeperRunsByItself: with SweepEvery set, nobody has to call Sweep.
func TestSweeperRunsByItself(t *testing.T) {
	clk := newClock()
	tr := newTracker(t, clk, calls.Options{SweepEvery: time.Millisecond})
	s := tr.Subscribe(1)
	defer s.Close()
	respond(t, tr, erika.newCall(legA, legA, anna))
	receive(t, s)
	clk.Advance(calls.DefaultStaleAfter)
	if got := receive(t, s); got.Status != calls.StatusUnknown {
		t.Errorf("published %s after the stale timeout, want unknown", got.Status)
	}
}
