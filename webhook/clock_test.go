package webhook

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// fakeClock is a clock the test moves: AfterFunc callbacks run in Advance
// once their time has come.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []fakeTimer
}

type fakeTimer struct {
	at time.Time
	f  func()
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.timers = append(c.timers, fakeTimer{c.now.Add(d), f})
}

// Advance moves the clock by d and runs the timers now due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []func()
	kept := c.timers[:0]
	for _, t := range c.timers {
		if t.at.After(c.now) {
			kept = append(kept, t)
		} else {
			due = append(due, t.f)
		}
	}
	c.timers = kept
	c.mu.Unlock()
	for _, f := range due {
		f()
	}
}

// captured is one log record, its attributes by key.
type captured struct {
	level slog.Level
	msg   string
	attrs map[string]slog.Value
}

// captureHandler is a slog.Handler that keeps every record.
type captureHandler struct {
	mu      sync.Mutex
	records []captured
	min     *slog.Level // nil: every level
}

func (h *captureHandler) Enabled(_ context.Context, l slog.Level) bool {
	return h.min == nil || l >= *h.min
}
func (h *captureHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *captureHandler) WithGroup(string) slog.Handler      { return h }

func (h *captureHandler) Handle(_ context.Context, r slog.Record) error {
	c := captured{level: r.Level, msg: r.Message, attrs: map[string]slog.Value{}}
	r.Attrs(func(a slog.Attr) bool { c.attrs[a.Key] = a.Value; return true })
	h.mu.Lock()
	h.records = append(h.records, c)
	h.mu.Unlock()
	return nil
}

func (h *captureHandler) all() []captured {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]captured(nil), h.records...)
}

// warnings are the records at Warn and above.
func (h *captureHandler) warnings() []captured {
	var ws []captured
	for _, c := range h.all() {
		if c.level >= slog.LevelWarn {
			ws = append(ws, c)
		}
	}
	return ws
}

// count is how many requests a line stands for: its count attribute, or 1.
func (c captured) count() uint64 {
	if v, ok := c.attrs["count"]; ok {
		return v.Uint64()
	}
	return 1
}
