package tunnel

import (
	"context"
	"time"
)

// backoff is the wait before each retry: min, doubling up to max.
type backoff struct {
	min, max, next time.Duration
}

func newBackoff(minWait, maxWait time.Duration) *backoff {
	return &backoff{min: minWait, max: max(minWait, maxWait), next: minWait}
}

// wait returns the current wait and doubles the next one.
func (b *backoff) wait() time.Duration {
	w := b.next
	b.next = min(2*b.next, b.max)
	return w
}

// reset starts again from min, after an attempt that worked.
func (b *backoff) reset() { b.next = b.min }

// sleep waits d or until ctx ends; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
