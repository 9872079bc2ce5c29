package webhook

import (
	"log/slog"
	"net/http"
	"slices"
	"testing"
	"time"
)

// TestCountersSurviveHandlerSwap: the service builds a new handler on every
// settings save; with shared Counters the last webhook, the counts and the
// flood summary carry over.
func TestCountersSurviveHandlerSwap(t *testing.T) {
	clk, logs := newFakeClock(), &captureHandler{}
	c := newCounters(clk)
	if s := c.Snapshot(); s.Accepted != 0 || s.Rejected != 0 || s.Refused != nil || !s.LastAccepted.IsZero() || s.LastReason != ReasonNone {
		t.Fatalf("NewCounters().Snapshot() = %+v, want zero", s)
	}
	bad := post("event=hangup&callId=1")
	bad.sign = signWrong
	old, _ := newTestHandler(slog.New(logs), WithCounters(c))
	serve(old, post("event=answer&callId=1"))
	acceptedAt := clk.Now()
	clk.Advance(time.Second)
	serve(old, bad)
	serve(old, bad)
	clk.Advance(time.Second)
	swapped, _ := newTestHandler(slog.New(logs), WithCounters(c))
	serve(swapped, bad)
	rejectedAt := clk.Now()
	s := swapped.Counters().Snapshot()
	want := Stats{Accepted: 1, LastAccepted: acceptedAt, Rejected: 3, Refused: map[Reason]uint64{ReasonBadSignature: 3},
		LastRejected: rejectedAt, LastReason: ReasonBadSignature}
	if !statsEqual(s, want) || !swapped.Counters().LastAccepted().Equal(acceptedAt) {
		t.Errorf("after the swap: Snapshot() = %+v, LastAccepted() = %v; want %+v, %v", s, swapped.Counters().LastAccepted(), want, acceptedAt)
	}
	clk.Advance(repeatInterval)
	if lines := logs.warnings(); len(lines) != 2 || lines[1].count() != 2 {
		t.Errorf("logged %v, want the first rejection and one line counting the 2 repeats across the swap", lines)
	}
}

func statsEqual(a, b Stats) bool {
	return a.Accepted == b.Accepted && a.LastAccepted.Equal(b.LastAccepted) && a.Rejected == b.Rejected &&
		a.LastRejected.Equal(b.LastRejected) && a.LastReason == b.LastReason && len(a.Refused) == len(b.Refused) &&
		func() bool {
			for r, n := range b.Refused {
				if a.Refused[r] != n {
					return false
				}
			}
			return true
		}()
}

func TestWithCountersNilKeepsOwn(t *testing.T) {
	h, _ := newTestHandler(nil, WithCounters(nil))
	serve(h, post("event=dtmf&callId=1"))
	if s := h.Counters().Snapshot(); s.Accepted != 1 {
		t.Errorf("NewHandler(WithCounters(nil)) counted %+v, want 1 accepted in its own counters", s)
	}
	other, _ := newTestHandler(nil)
	if other.Counters() == h.Counters() {
		t.Errorf("two handlers without WithCounters share counters, want their own")
	}
}

func TestReason(t *testing.T) {
	tests := []struct {
		r      Reason
		name   string
		status int
	}{
		{ReasonNone, "none", 200},
		{ReasonBadMethod, "bad method", http.StatusMethodNotAllowed},
		{ReasonUnreadableBody, "unreadable body", http.StatusBadRequest},
		{ReasonTooLarge, "too large", http.StatusRequestEntityTooLarge},
		{ReasonBadContentType, "bad content type", http.StatusUnsupportedMediaType},
		{ReasonNoSignature, "no signature", http.StatusForbidden},
		{ReasonBadSignature, "bad signature", http.StatusForbidden},
		{ReasonBadForm, "bad form", http.StatusBadRequest},
		{ReasonBadEvent, "bad event", http.StatusBadRequest},
		{ReasonResponderFailed, "responder failed", http.StatusInternalServerError},
		{Reason(200), "reason 200", http.StatusInternalServerError},
	}
	for _, tt := range tests {
		if tt.r.String() != tt.name || tt.r.Status() != tt.status {
			t.Errorf("Reason(%d) = %q, %d; want %q, %d", tt.r, tt.r, tt.r.Status(), tt.name, tt.status)
		}
	}
	var want []Reason
	for _, tt := range tests[1 : len(tests)-1] {
		want = append(want, tt.r)
	}
	if got := Reasons(); !slices.Equal(got, want) {
		t.Errorf("Reasons() = %v, want %v", got, want)
	}
}
