package webhook

import (
	"sync/atomic"
	"time"
)

// Stats counts what the handler did since it was made, for the tray's
// status line and for diagnosing "a call happened but no webhook arrived".
type Stats struct {
	// Accepted counts pushes answered with 200.
	Accepted uint64
	// Rejected counts requests answered with an error status.
	Rejected uint64
	// LastRejected is when the latest rejection happened (zero if none),
	// and LastReason why, e.g. "signature check failed".
	LastRejected time.Time
	LastReason   string
}

type counters struct {
	accepted     atomic.Uint64
	rejected     atomic.Uint64
	lastEvent    atomic.Int64 // Unix nanoseconds; 0 = none yet
	lastRejected atomic.Pointer[rejectMark]
}

type rejectMark struct {
	at     time.Time
	reason string
}

// LastEvent returns when the latest push was accepted, or the zero time if
// none was since start.
func (h *Handler) LastEvent() time.Time {
	return unixNano(h.stats.lastEvent.Load())
}

// Stats returns the handler's counters.
func (h *Handler) Stats() Stats {
	s := Stats{Accepted: h.stats.accepted.Load(), Rejected: h.stats.rejected.Load()}
	if m := h.stats.lastRejected.Load(); m != nil {
		s.LastRejected, s.LastReason = m.at, m.reason
	}
	return s
}

func (c *counters) accept(now time.Time) {
	c.accepted.Add(1)
	c.lastEvent.Store(now.UnixNano())
}

func (c *counters) reject(now time.Time, reason string) {
	c.rejected.Add(1)
	c.lastRejected.Store(&rejectMark{at: now, reason: reason})
}

func unixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}
