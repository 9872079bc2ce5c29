package notify

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func call(id int64, s calls.Status) calls.Call {
	return with(func(c *calls.Call) { c.ID, c.Status = id, s })
}

// A call's messages replace each other, and one still queued may be
// replaced before it is sent: what must hold is that each moment is sent
// at most once and the last message of each call is its latest moment.
func TestNotifierShowsEachMomentOnce(t *testing.T) {
	s := chanSender{sent: make(chan Message, 10)}
	n := New(s, on, nil)
	n.now = steps(3 * time.Second)
	ch, stop := run(n)
	for _, c := range []calls.Call{call(1, calls.StatusRinging), call(1, calls.StatusActive),
		call(2, calls.StatusRinging), call(1, calls.StatusAnswered), call(2, calls.StatusMissed)} {
		ch <- c
	}
	last := map[int64]Kind{}
	type moment struct {
		call int64
		kind Kind
	}
	sent := map[moment]int{}
	for last[1] != KindAnswered || last[2] != KindMissed {
		m := receive(t, s.sent)
		sent[moment{m.CallID, m.Kind}]++
		last[m.CallID] = m.Kind
	}
	stop()
	for m, n := range sent {
		if n > 1 {
			t.Errorf("Run sent call %d %s %d times, want once", m.call, m.kind, n)
		}
	}
	if len(s.sent) != 0 {
		t.Errorf("Run sent %d more messages, want none", len(s.sent))
	}
}

// steps is a clock that moves on by d at every reading, so no burst
// forms.
func steps(d time.Duration) func() time.Time {
	now := time.Date(2026, 11, 30, 13, 13, 0, 0, time.UTC)
	return func() time.Time {
		now = now.Add(d)
		return now
	}
}

func TestNotifierSetConfig(t *testing.T) {
	s := chanSender{sent: make(chan Message, 10)}
	n := New(s, on, nil)
	ch, stop := run(n)
	defer stop()
	n.SetConfig(opt(func(o *Options) { o.DoNotDisturb = true }))
	ch <- call(1, calls.StatusRinging)
	// Run takes the next change only once it is done with call 1, so the
	// setting below cannot reach call 1; this one shows nothing anyway.
	ch <- call(99, calls.StatusAnswered)
	n.SetConfig(on)
	ch <- call(2, calls.StatusRinging)
	if got := receive(t, s.sent); got.CallID != 2 {
		t.Errorf("after SetConfig(do not disturb) and back, Run sent call %d first, want 2", got.CallID)
	}
}

func TestNotifierDropsOldest(t *testing.T) {
	release := make(chan struct{})
	s := chanSender{sent: make(chan Message), err: func(Message) error { <-release; return nil }}
	var logs logBuffer
	n := New(s, on, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	n.now = steps(3 * time.Second)
	ch, stop := run(n)
	defer stop()
	ch <- call(1, calls.StatusRinging)
	receive(t, s.sent) // the sender now holds call 1 until release
	last := int64(2 + queueSize)
	for id := int64(2); id <= last; id++ {
		ch <- call(id, calls.StatusRinging)
	}
	ch <- call(99, calls.StatusAnswered) // no popup; Run is done with the rest
	close(release)
	for want := int64(3); want <= last; want++ {
		if got := receive(t, s.sent); got.CallID != want {
			t.Fatalf("after a full queue, Run sent call %d, want %d", got.CallID, want)
		}
	}
	if !strings.Contains(logs.String(), "level=DEBUG msg=\"notification queue full, dropped the oldest popup\" call=2") {
		t.Errorf("log = %q, want a debug line about dropping call 2", logs.String())
	}
}

func TestNotifierLogsOutageOnce(t *testing.T) {
	down := errors.New("no service")
	s := chanSender{sent: make(chan Message, 10), err: func(m Message) error {
		if m.CallID < 3 {
			return down
		}
		return nil
	}}
	var logs logBuffer
	n := New(s, on, slog.New(slog.NewTextHandler(&logs, nil)))
	ch, stop := run(n)
	for id := int64(1); id <= 3; id++ {
		ch <- call(id, calls.StatusRinging)
		receive(t, s.sent)
	}
	stop()
	checkOutageLog(t, logs.String())
}

// checkOutageLog wants one warning for the outage and one line when
// popups are back.
func checkOutageLog(t *testing.T, log string) {
	t.Helper()
	warn := strings.Count(log, "level=WARN")
	off := strings.Count(log, "popups are off until one runs")
	back := strings.Count(log, "level=INFO msg=\"a desktop notification service answers again; popups are back on\"")
	if warn != 1 || off != 1 || back != 1 {
		t.Errorf("log = %q\nwant one warning that popups are off and one line that they are back", log)
	}
}
