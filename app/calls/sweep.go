package calls

import (
	"context"
	"time"
)

// Sweep makes every ringing or active call that has had no event for
// StaleAfter unknown (its hangup never came), and forgets finished calls
// idle for their linger time. It reports how many calls became unknown and returns
// once they are stored. The Tracker sweeps by itself periodically; main
// may also call it, for example after the machine wakes up.
func (t *Tracker) Sweep() (int, error) {
	now := t.now()
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return 0, ErrClosed
	}
	var ws []*write
	for _, c := range t.idx.byID {
		idle := now.Sub(c.updated)
		if !c.Status.Live() {
			if idle >= t.linger(c) {
				t.idx.remove(c)
			}
			continue
		}
		if idle < t.opt.StaleAfter {
			continue
		}
		c.stale = true
		ws = append(ws, t.changed(c, now))
	}
	t.mu.Unlock()
	_, err := t.waitAll(context.Background(), ws)
	return len(ws), err
}

// sweepLoop sweeps every Options.SweepEvery.
func (t *Tracker) sweepLoop() {
	defer t.done.Done()
	if t.opt.SweepEvery < 0 {
		<-t.stop
		return
	}
	tick := time.NewTicker(t.opt.SweepEvery)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			if _, err := t.Sweep(); err != nil && err != ErrClosed {
				t.log.Error("marking stale calls failed", "err", err)
			}
		case <-t.stop:
			return
		}
	}
}

// finishedLinger is how long a finished call stays in memory: long enough
// for a duplicate push or a straggling leg, which come within seconds.
// Memory then holds the calls of the last minutes, not of the last hours.
const finishedLinger = 10 * time.Minute

// linger is how long a finished call stays in memory. An unknown call
// (its hangup never came) waits StaleAfter more, so a very late hangup
// still resolves it.
func (t *Tracker) linger(c *call) time.Duration {
	if c.stale {
		return t.opt.StaleAfter
	}
	return min(finishedLinger, t.opt.StaleAfter)
}
