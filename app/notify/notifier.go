package notify

import (
	"context"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// stopGrace is how long Run waits for a popup still being sent when it
// stops; a hung notification service must not keep the app from quitting.
const stopGrace = 2 * time.Second

// Notifier shows popups for the call changes it is given. Build it with
// New and start it with Run.
type Notifier struct {
	sender Sender
	log    *slog.Logger
	opts   atomic.Pointer[Options]
	seen   *Seen  // Run's goroutine only
	burst  *burst // Run's goroutine only
	queue  *queue
	now    func() time.Time
	down   bool // the sender goroutine only: the last send failed
	// refresh is how often a burst's summary is updated at most
	// (burstRefresh; shorter in tests).
	refresh time.Duration
}

// New returns a Notifier that shows messages with sender, reads contact
// logs to logger (nil: discard).
func New(sender Sender, opts Options, logger *slog.Logger) *Notifier {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	n := &Notifier{
		sender:  sender,
		log:     logger,
		seen:    NewSeen(0, 0),
		burst:   &burst{},
		queue:   newQueue(queueSize),
		now:     time.Now,
		refresh: burstRefresh,
	}
	n.SetConfig(opts)
	return n
}

// SetConfig replaces the settings; the next call change uses them. It is
// safe to call from any goroutine, also while Run runs.
func (n *Notifier) SetConfig(o Options) {
	o.Users = slices.Clone(o.Users)
	n.opts.Store(&o)
}

// Run turns changes into popups until ctx is done or changes is closed.
// It never blocks on the desktop: one goroutine sends, fed by a small
// queue. Call it once; it returns when the sender has stopped, or after
// a short grace if a popup is still in flight.
func (n *Notifier) Run(ctx context.Context, changes <-chan calls.Call) {
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		n.sendLoop(stop)
	}()
	defer func() {
		close(stop)
		select {
		case <-done:
		case <-time.After(stopGrace):
			n.log.Debug("stopped with a notification still in flight")
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-changes:
			if !ok {
				return
			}
			n.handle(c)
		}
	}
}

// handle decides on one call change and queues its popup, if any. A call
// folded into a burst's summary gets no popups of its own afterwards,
// and is not even formatted unless the summary names it.
func (n *Notifier) handle(c calls.Call) {
	opts := *n.opts.Load()
	kind, ok := decideKind(c, n.seen, opts)
	if !ok {
		return
	}
	var m Message
	composed := false
	own := func() Message {
		if !composed {
			m, composed = compose(c, kind, opts.region()), true
		}
		return m
	}
	now := n.now()
	n.seen.Mark(c.ID, kind, now)
	if sum, folded := n.burst.fold(kind, own, now); folded {
		// Its later moments show nothing either (decideKind).
		n.seen.Mark(c.ID, KindBurst, now)
		m, composed = sum, true
	}
	if old, full := n.queue.push(own()); full {
		n.log.Debug("notification queue full, dropped the oldest popup",
			"call", old.CallID, "kind", old.Kind)
	}
}
