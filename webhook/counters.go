package webhook

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Counters count what the webhook handlers did, for the tray's status line
// and for diagnosing "a call happened but no webhook arrived". The service
// makes one and passes it to every Handler it builds (WithCounters), so a
// settings save that swaps the handler keeps them. They also remember which
// rejections were logged, so the summary of a flood survives a swap too.
// Counters are safe for concurrent use.
type Counters struct {
	clock        clock
	accepted     atomic.Uint64
	lastAccepted atomic.Int64 // Unix nanoseconds; 0 = none yet

	mu           sync.Mutex // guards the fields below
	refused      [numReasons]uint64
	lastRejected time.Time
	lastReason   Reason
	logs         [numReasons]burst
	acceptLog    burst
}

// Stats is a snapshot of Counters.
type Stats struct {
	// Accepted counts pushes answered with 200; LastAccepted is when the
	// latest was (zero if none).
	Accepted     uint64
	LastAccepted time.Time
	// Rejected counts requests answered with an error status; Refused
	// splits it by reason (only reasons seen are present). LastRejected
	// and LastReason are the latest rejection (zero and ReasonNone if none).
	Rejected     uint64
	Refused      map[Reason]uint64
	LastRejected time.Time
	LastReason   Reason
}

// NewCounters returns zeroed counters.
func NewCounters() *Counters { return newCounters(realClock{}) }

func newCounters(c clock) *Counters { return &Counters{clock: c} }

// Snapshot returns the counts so far.
func (c *Counters) Snapshot() Stats {
	s := Stats{Accepted: c.accepted.Load(), LastAccepted: unixNano(c.lastAccepted.Load())}
	c.mu.Lock()
	defer c.mu.Unlock()
	s.LastRejected, s.LastReason = c.lastRejected, c.lastReason
	for r, n := range c.refused {
		if n > 0 {
			if s.Refused == nil {
				s.Refused = make(map[Reason]uint64)
			}
			s.Refused[Reason(r)] = n
			s.Rejected += n
		}
	}
	return s
}

// LastAccepted is when the latest push was accepted, or the zero time.
// It is Snapshot().LastAccepted without the copying, for a status line
// that polls.
func (c *Counters) LastAccepted() time.Time { return unixNano(c.lastAccepted.Load()) }

// accept counts an accepted push: two atomics, no lock, no allocation.
func (c *Counters) accept() {
	c.accepted.Add(1)
	c.lastAccepted.Store(c.clock.Now().UnixNano())
}

// acceptLogged counts an accepted push whose Info line is wanted and
// decides that line like reject does, with acceptedInFull lines in full
// an interval.
func (c *Counters) acceptLogged(logger *slog.Logger) (first bool, repeats uint64) {
	c.accept()
	return note(&c.mu, &c.acceptLog, c.clock, c.clock.Now(), acceptedInFull,
		func(n uint64) { logAcceptedRepeats(logger, n) })
}

// reject counts a rejection and decides its log line: first says to log it
// in full now, repeats how many held-back ones of the same reason to
// summarise before it. Repeats held back now are logged to logger when
// their interval ends.
func (c *Counters) reject(reason Reason, logger *slog.Logger) (first bool, repeats uint64) {
	now := c.clock.Now()
	c.mu.Lock()
	c.refused[reason]++
	c.lastRejected, c.lastReason = now, reason
	c.mu.Unlock()
	return note(&c.mu, &c.logs[reason], c.clock, now, 1, func(n uint64) { logRepeats(logger, reason, n) })
}

func unixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}
