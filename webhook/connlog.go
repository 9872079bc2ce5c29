package webhook

import (
	"context"
	"log/slog"
	"sync"
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
	first, repeats := note(&c.mu, &c.b, c.clock, c.clock.Now(), 1, c.again)
	if repeats > 0 {
		c.again(repeats)
	}
	if first {
		c.log("webhook connection limit reached: closing connections")
	}
}

// again logs n closings held back within an interval.
func (c *capLog) again(n uint64) {
	c.log("webhook connection limit reached again", slog.Uint64("count", n), slog.Duration("within", repeatInterval))
}

func (c *capLog) log(msg string, attrs ...slog.Attr) {
	attrs = append(attrs, slog.Int("max", c.max))
	c.logger.LogAttrs(context.Background(), slog.LevelWarn, msg, attrs...)
}
