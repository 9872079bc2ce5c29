package team

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// Options are what Start needs. Config, DataDir and Tracker are required.
type Options struct {
	Config Config
	// DataDir holds the instance id, the outbox and the embedded server's
	// store.
	DataDir string
	Tracker Tracker
	// Changes are the tracker's call changes, from
	// calls.Tracker.Subscribe(n).C(). Calls this desk's webhook listener
	// saw are published; those merged from the team are not. Nil for a
	// desk that only consumes.
	Changes <-chan calls.Call
	// History, when set with Changes, lets the start queue the calls a
	// killed process had stored but not queued (see recoverQueue).
	History History
	// Receiver marks a desk that sipgate's webhooks reach: it sends a
	// presence heartbeat from the start. Any other desk with Changes
	// starts to once its listener handled a call.
	Receiver bool
	Logger   *slog.Logger
	// OnCatchUp is called once, when the consumer has caught up after the
	// start, with the missed calls (not done yet) that arrived meanwhile
	// (none when nothing was pending). It runs on the consumer's
	// goroutine: return quickly.
	OnCatchUp func(missed []calls.Call)
	// OnBlocked is called for each entry of the team's block list at the
	// start and for each later change, on the watcher's goroutine; an
	// entry with no Number marks the end of those present at the start
	// (once per watch: again after a lost connection). Nil: the desk does
	// not watch the block list.
	OnBlocked func(BlockEntry)
	// Hostname names the desk in presence; default os.Hostname.
	Hostname string
	// Heartbeat (default 10 s) and PresenceTTL (30 s) time the presence;
	// RetryMax (10 s) caps the wait between reconnects and retries.
	Heartbeat, PresenceTTL, RetryMax time.Duration
}

func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Hostname == "" {
		o.Hostname, _ = os.Hostname()
	}
	o.Heartbeat = orDefault(o.Heartbeat, 10*time.Second)
	o.PresenceTTL = orDefault(o.PresenceTTL, 30*time.Second)
	o.RetryMax = orDefault(o.RetryMax, 10*time.Second)
	return o
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Start joins the team. It fails for a bad configuration (*ConfigError),
// an embedded server that cannot listen (*ListenError) or an unusable data
// dir; unreachable servers do not fail it: the desk works alone, retries
// forever, and Status reports a *ConnectError meanwhile.
func Start(opt Options) (*Team, error) {
	opt = opt.withDefaults()
	cfg := opt.Config.withDefaults()
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if !cfg.Enabled() || opt.Tracker == nil || opt.DataDir == "" {
		return nil, errors.New("team: start needs NATS_URL or NATS_LISTEN, a tracker and a data dir")
	}
	t := &Team{opt: opt, cfg: cfg, log: opt.Logger, names: names{team: cfg.Team},
		wake: make(chan struct{}, 1), ready: make(chan struct{}), closed: make(chan struct{})}
	t.catch.fn = opt.OnCatchUp
	t.firstWebhook = make(chan struct{})
	if opt.Receiver {
		t.markReceiver()
	}
	if err := t.open(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.ctx, t.cancel = ctx, cancel
	t.spawn(t.supervise, t.send, t.heartbeat)
	if opt.Changes != nil {
		t.spawn(t.recoverQueue, t.intake)
	}
	return t, nil
}

// open makes the instance id, the outbox, the embedded server and the
// connection, undoing what it made when a later step fails.
func (t *Team) open() (err error) {
	if t.id, err = instanceID(t.opt.DataDir, t.opt.Hostname); err != nil {
		return err
	}
	if t.box, err = openOutbox(filepath.Join(t.opt.DataDir, outboxFile)); err != nil {
		return err
	}
	if t.cfg.Listen != "" {
		if t.srv, err = startServer(t.cfg, t.opt.DataDir, "whoiscalling-"+t.id); err != nil {
			t.box.close()
			return err
		}
	}
	if t.nc, err = t.connect(t.srv); err == nil {
		t.js, err = jetstream.New(t.nc)
	}
	if err != nil {
		if t.srv != nil {
			t.srv.Shutdown()
		}
		t.box.close()
		return fmt.Errorf("team: %w", err)
	}
	return nil
}

func (t *Team) spawn(fns ...func(context.Context)) {
	for _, fn := range fns {
		t.wg.Add(1)
		go func() {
			defer t.wg.Done()
			fn(t.ctx)
		}()
	}
}

// sleep waits d or until ctx ends; it reports whether ctx is still alive.
func sleep(ctx context.Context, d time.Duration) bool {
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return true
	case <-ctx.Done():
		return false
	}
}
