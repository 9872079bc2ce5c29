package webhook

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// capLog logs connections closed for the connection cap (an idle one to
// make room, or a newcomer when all are busy): the first in an interval at
// once, the rest as one line with their count.
type capLog struct {
	logger *slog.Logger
	clock  clock
	max    int

	mu sync.Mutex
	b  burst
}

// evicted is connLimit's callback.
func (c *capLog) evicted() {
	now := c.clock.Now()
	c.mu.Lock()
	first, repeats, arm := c.b.hit(now, repeatInterval, 1)
	start := c.b.start
	c.mu.Unlock()
	if arm {
		c.clock.AfterFunc(start.Add(repeatInterval).Sub(now), func() { c.flush(start) })
	}
	if repeats > 0 {
		c.log("webhook connection limit reached again", slog.Uint64("count", repeats), slog.Duration("within", repeatInterval))
	}
	if first {
		c.log("webhook connection limit reached: closing connections")
	}
}

func (c *capLog) flush(start time.Time) {
	c.mu.Lock()
	n := c.b.take(start)
	c.mu.Unlock()
	if n > 0 {
		c.log("webhook connection limit reached again", slog.Uint64("count", n), slog.Duration("within", repeatInterval))
	}
}

func (c *capLog) log(msg string, attrs ...slog.Attr) {
	attrs = append(attrs, slog.Int("max", c.max))
	c.logger.LogAttrs(context.Background(), slog.LevelWarn, msg, attrs...)
}
