package webhook

import (
	"log/slog"
	"testing"
	"time"
)

func TestBurst(t *testing.T) {
	t0 := newFakeClock().Now()
	type hit struct {
		at      time.Duration
		first   bool
		repeats uint64
		arm     bool
	}
	tests := []struct {
		name string
		hits []hit
	}{
		{"one", []hit{{0, true, 0, false}}},
		{"second arms the timer, third does not", []hit{{0, true, 0, false}, {time.Second, false, 0, true}, {2 * time.Second, false, 0, false}}},
		{"after the interval: a new first with the held-back count", []hit{
			{0, true, 0, false}, {time.Second, false, 0, true}, {9 * time.Second, false, 0, false},
			{10 * time.Second, true, 2, false}, {11 * time.Second, false, 0, true}}},
		{"quiet intervals in between", []hit{{0, true, 0, false}, {time.Hour, true, 0, false}}},
	}
	for _, tt := range tests {
		var b burst
		for i, h := range tt.hits {
			first, repeats, arm := b.hit(t0.Add(h.at), repeatInterval, 1)
			if first != h.first || repeats != h.repeats || arm != h.arm {
				t.Errorf("%s: hit %d at %v = %v, %d, %v; want %v, %d, %v", tt.name, i, h.at, first, repeats, arm, h.first, h.repeats, h.arm)
			}
		}
	}
}

func TestBurstTake(t *testing.T) {
	t0 := newFakeClock().Now()
	var b burst
	b.hit(t0, repeatInterval, 1)
	b.hit(t0.Add(time.Second), repeatInterval, 1)
	b.hit(t0.Add(2*time.Second), repeatInterval, 1)
	if n := b.take(t0.Add(-time.Second)); n != 0 {
		t.Errorf("take(another interval) = %d, want 0", n)
	}
	if n := b.take(t0); n != 2 {
		t.Errorf("take(t0) = %d, want 2", n)
	}
	if n := b.take(t0); n != 0 {
		t.Errorf("take(t0) again = %d, want 0", n)
	}
	if _, _, arm := b.hit(t0.Add(3*time.Second), repeatInterval, 1); !arm {
		t.Errorf("hit after take did not arm a new timer")
	}
}

// flood sends n requests of c to h, moving the clock by step before each.
func flood(h *Handler, clk *fakeClock, c handlerCase, n int, step time.Duration) {
	for range n {
		clk.Advance(step)
		serve(h, c)
	}
}

// TestRejectionLogSummarisesFlood: 10,000 bad-signature requests over 30 s
// give a handful of lines, and their counts add up to 10,000.
func TestRejectionLogSummarisesFlood(t *testing.T) {
	clk, logs := newFakeClock(), &captureHandler{}
	h, _ := newTestHandler(slog.New(logs), WithCounters(newCounters(clk)))
	bad := post("event=newCall&callId=1")
	bad.sign = signWrong
	const n = 10000
	flood(h, clk, bad, n, 3*time.Millisecond)
	clk.Advance(repeatInterval)
	lines := logs.all()
	var sum uint64
	for _, l := range lines {
		if l.level != slog.LevelWarn || l.attrs["reason"].String() != "bad signature" || l.attrs["status"].Int64() != 403 {
			t.Errorf("line %s %q %v, want a WARN for the bad signature", l.level, l.msg, l.attrs)
		}
		sum += l.count()
	}
	if len(lines) > 8 || sum != n {
		t.Errorf("%d bad requests logged %d lines counting %d, want at most 8 lines counting %d", n, len(lines), sum, n)
	}
	if s := h.Counters().Snapshot(); s.Rejected != n || s.Refused[ReasonBadSignature] != n {
		t.Errorf("Snapshot() = %+v, want %d bad signatures", s, n)
	}
}

// TestRejectionLogPerReason: each reason gets its own first line, and a
// summary only when it repeated.
func TestRejectionLogPerReason(t *testing.T) {
	clk, logs := newFakeClock(), &captureHandler{}
	h, _ := newTestHandler(slog.New(logs), WithCounters(newCounters(clk)))
	unsigned, get := post("event=newCall"), handlerCase{method: "GET"}
	unsigned.sign = signNone
	for range 3 {
		serve(h, unsigned)
		serve(h, get)
	}
	serve(h, post("event=nope"))
	clk.Advance(repeatInterval)
	want := []struct {
		msg, reason string
		count       uint64
	}{
		{"webhook rejected", "no signature", 1}, {"webhook rejected", "bad method", 1}, {"webhook rejected", "bad event", 1},
		{"webhook rejected again", "no signature", 2}, {"webhook rejected again", "bad method", 2},
	}
	got := logs.all()
	if len(got) != len(want) {
		t.Fatalf("logged %d lines, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.msg != w.msg || g.attrs["reason"].String() != w.reason || g.count() != w.count {
			t.Errorf("line %d = %q %v, want %q reason=%s count=%d", i, g.msg, g.attrs, w.msg, w.reason, w.count)
		}
	}
}

// TestAcceptedLogSummarisesLoad: at Info, 1,000 accepted pushes in 3 s
// log the first acceptedInFull in full and the rest as one line with
// their count; a push after a quiet interval is logged in full again.
func TestAcceptedLogSummarisesLoad(t *testing.T) {
	info := slog.LevelInfo
	clk, logs := newFakeClock(), &captureHandler{min: &info}
	h, _ := newTestHandler(slog.New(logs), WithCounters(newCounters(clk)))
	const n = 1000
	flood(h, clk, post("event=newCall&callId=1&direction=in"), n, 3*time.Millisecond)
	clk.Advance(repeatInterval)
	lines := logs.all()
	var sum uint64
	full := 0
	for _, l := range lines {
		if l.level != slog.LevelInfo || l.attrs["status"].Int64() != 200 {
			t.Errorf("line %s %q %v, want an INFO for an accepted push", l.level, l.msg, l.attrs)
		}
		if l.msg == "webhook" {
			full++
		}
		sum += l.count()
	}
	if full != acceptedInFull || len(lines) != acceptedInFull+1 || sum != n {
		t.Errorf("%d pushes logged %d lines (%d in full) counting %d, want %d in full and one summary counting %d",
			n, len(lines), full, sum, acceptedInFull, n)
	}
	if s := h.Counters().Snapshot(); s.Accepted != n {
		t.Errorf("Snapshot().Accepted = %d, want %d", s.Accepted, n)
	}
	flood(h, clk, post("event=hangup&callId=1&cause=normalClearing"), 1, time.Second)
	if got := logs.all(); len(got) != len(lines)+1 || got[len(got)-1].msg != "webhook" {
		t.Errorf("a push after a quiet interval logged %v, want one line in full", got[len(lines):])
	}
}
