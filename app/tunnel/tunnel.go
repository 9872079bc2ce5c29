package tunnel

import (
	"context"
	"errors"
	"sync"
)

// Tunnel keeps the webhook listener reachable at a public URL.
type Tunnel struct {
	opts  Options
	mu    sync.Mutex
	state State
}

// New returns a tunnel for opts; nothing connects before Run.
func New(opts Options) *Tunnel {
	return &Tunnel{opts: opts.withDefaults(), state: Off{}}
}

// State is what the tunnel is doing now.
func (t *Tunnel) State() State {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}

// Run keeps the tunnel up until ctx ends, then returns nil. It returns
// early with an error only for what retrying cannot fix: a bad option, a
// missing cloudflared (*NotInstalledError) or a changed SSH host key
// (*HostKeyChangedError). With ModeOff it returns nil at once. Call Run
// once per Tunnel; to change options, cancel it and make a new one.
func (t *Tunnel) Run(ctx context.Context) error {
	switch t.opts.Mode {
	case ModeOff:
		t.setState(Off{})
		return nil
	case ModeLocalhostRun:
		return t.keepUp(ctx, t.sshAttempt)
	case ModeCloudflared:
		return t.keepUp(ctx, t.cloudflaredAttempt)
	default:
		err := &ModeError{Value: string(t.opts.Mode)}
		t.setState(Failed{Err: err})
		return err
	}
}

// attempt is one connection or one cloudflared run: it calls up with each
// public URL it learns and returns when the tunnel is gone.
type attempt func(ctx context.Context, up func(url string)) error

// keepUp runs attempts until ctx ends or one fails for good, waiting with
// backoff between them.
func (t *Tunnel) keepUp(ctx context.Context, try attempt) error {
	b := newBackoff(t.opts.MinBackoff, t.opts.MaxBackoff)
	for {
		t.setState(Connecting{})
		r := &reporter{t: t}
		err := try(ctx, r.up)
		if ctx.Err() != nil {
			t.setState(Off{})
			return nil
		}
		if isFatal(err) {
			return t.stop(err)
		}
		if r.reached() {
			b.reset()
		}
		wait := b.wait()
		t.opts.Logger.Warn("tunnel down", "mode", string(t.opts.Mode), "err", err, "retry_in", wait)
		t.setState(Down{Err: err, RetryIn: wait})
		if !sleep(ctx, wait) {
			t.setState(Off{})
			return nil
		}
	}
}

// stop records a fatal error as the final state and returns it unwrapped.
func (t *Tunnel) stop(err error) error {
	var hk *HostKeyChangedError
	if errors.As(err, &hk) {
		t.opts.Logger.Error("tunnel stopped: host key changed", "host", hk.Host, "fingerprint", hk.Fingerprint)
		t.setState(HostKeyChanged{Host: hk.Host, Fingerprint: hk.Fingerprint})
		return hk
	}
	var f *fatalError
	if errors.As(err, &f) {
		err = f.err
	}
	t.opts.Logger.Error("tunnel stopped", "err", err)
	t.setState(Failed{Err: err})
	return err
}

// setState records s and tells OnState, outside the lock.
func (t *Tunnel) setState(s State) {
	t.mu.Lock()
	t.state = s
	t.mu.Unlock()
	if t.opts.OnState != nil {
		t.opts.OnState(s)
	}
}
