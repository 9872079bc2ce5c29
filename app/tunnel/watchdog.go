package tunnel

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// WatchdogOptions configure a Watchdog. Every check is optional: a nil one
// is not made.
type WatchdogOptions struct {
	// SendTest sends a signed test push through url and returns an error
	// unless the listener answered it. It must be a test push the app
	// neither pops up nor records in the call history.
	SendTest func(ctx context.Context, url string) error
	// SipgateURL returns the webhook URL sipgate has configured.
	SipgateURL func(ctx context.Context) (string, error)
	// FailedDeliveries returns how many recent webhook deliveries sipgate
	// logs as failed.
	FailedDeliveries func(ctx context.Context) (int, error)
	// OnHealth is called after a round whose health differs from the last
	// one reported (and after the first round).
	OnHealth func(Health)
	// Interval is the time between rounds (10 minutes).
	Interval time.Duration
	// RetryWait is the pause before sending a failed test push again (5 s):
	// a new tunnel URL can take a moment to become reachable, so a push is
	// tried three times before the round reports it lost.
	RetryWait time.Duration
	// Timeout bounds one round (1 minute).
	Timeout time.Duration
	// Logger gets the rounds' outcomes; nil discards them.
	Logger *slog.Logger
}

// Watchdog checks that the public URL really reaches the app: after each
// new URL and every Interval.
type Watchdog struct {
	opts  WatchdogOptions
	kick  chan struct{}
	round sync.Mutex // one round at a time

	mu       sync.Mutex
	url      string
	last     Health
	reported bool
}

// NewWatchdog returns a watchdog that checks nothing until SetURL.
func NewWatchdog(opts WatchdogOptions) *Watchdog {
	opts.Interval = orDefault(opts.Interval, 10*time.Minute)
	opts.RetryWait = orDefault(opts.RetryWait, 5*time.Second)
	opts.Timeout = orDefault(opts.Timeout, time.Minute)
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Watchdog{opts: opts, kick: make(chan struct{}, 1)}
}

// SetURL sets the public URL to check and asks Run for a round at once;
// give it Tunnel's OnURL URLs. The empty URL pauses the checks.
func (w *Watchdog) SetURL(url string) {
	w.mu.Lock()
	w.url = url
	w.mu.Unlock()
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// Run makes a round after each SetURL and every Interval until ctx ends,
// then returns nil.
func (w *Watchdog) Run(ctx context.Context) error {
	ticker := time.NewTicker(w.opts.Interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-w.kick:
		case <-ticker.C:
		}
		w.Check(ctx)
	}
}

// Health returns the latest round's health, and false before any round.
func (w *Watchdog) Health() (Health, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last, w.reported
}
