package webhook

import (
	"sync"
	"time"
)

// repeatInterval is how long repeats of one log line are counted rather
// than written: a flood of bad requests gives a line at its start and then
// one line per interval with the count, not one line per request.
const repeatInterval = 10 * time.Second

// clock is the time source of the counters and their log summaries; tests
// inject a fake one.
type clock interface {
	Now() time.Time
	AfterFunc(d time.Duration, f func())
}

type realClock struct{}

func (realClock) Now() time.Time                      { return time.Now() }
func (realClock) AfterFunc(d time.Duration, f func()) { time.AfterFunc(d, f) }

// burst summarises one kind of log line: the first free lines in an
// interval are written at once, the ones after them are counted and
// written as one line when the interval ends, by a timer or by the next
// one after it. Its owner guards it with a mutex.
type burst struct {
	start   time.Time // when the interval began; zero before the first line
	lines   int       // written in full since start
	repeats uint64    // held back since start
	armed   bool      // a timer will write the repeats at the interval's end
}

// hit records one occurrence at now, of a line of which free a interval
// are written in full. first says to write it now; repeats is how many
// were held back in the interval that just ended, to write before it;
// arm says the caller must start a timer that calls take(start) at
// start+every.
func (b *burst) hit(now time.Time, every time.Duration, free int) (first bool, repeats uint64, arm bool) {
	if b.start.IsZero() || now.Sub(b.start) >= every {
		repeats = b.repeats
		*b = burst{start: now, lines: 1}
		return true, repeats, false
	}
	if b.lines < free {
		b.lines++
		return true, 0, false
	}
	b.repeats++
	arm = !b.armed
	b.armed = true
	return false, 0, arm
}

// take returns and clears the repeats of the interval that began at start,
// for its timer: 0 when a later hit has already written them.
func (b *burst) take(start time.Time) uint64 {
	if !b.start.Equal(start) {
		return 0
	}
	n := b.repeats
	b.repeats, b.armed = 0, false
	return n
}

// note records one occurrence at now of the line b summarises, which mu
// guards, with free lines in full an interval (see hit). When the
// interval starts holding lines back, clk calls rest with their count
// once it ends (unless a later occurrence reported them first).
func note(mu *sync.Mutex, b *burst, clk clock, now time.Time, free int, rest func(n uint64)) (first bool, repeats uint64) {
	mu.Lock()
	first, repeats, arm := b.hit(now, repeatInterval, free)
	start := b.start
	mu.Unlock()
	if arm {
		clk.AfterFunc(start.Add(repeatInterval).Sub(now), func() {
			mu.Lock()
			n := b.take(start)
			mu.Unlock()
			if n > 0 {
				rest(n)
			}
		})
	}
	return first, repeats
}
