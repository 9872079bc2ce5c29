package service

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/tunnel"
)

// Reach is how sipgate reaches this app: the tunnel's state, the public
// URL in use, and what the watchdog found.
type Reach struct {
	// Mode is the TUNNEL setting.
	Mode string
	// State is the tunnel's state (tunnel.Off{} without a tunnel).
	State tunnel.State
	// URL is the public URL in use: the tunnel's, else
	// WEBHOOK_SERVER_ADDRESS.
	URL string
	// Health is the watchdog's last round; Checked is false before one.
	Health  tunnel.Health
	Checked bool
}

// Warning reports whether something on the path from sipgate is broken.
func (r Reach) Warning() bool {
	switch r.State.(type) {
	case tunnel.Down, tunnel.Failed, tunnel.HostKeyChanged:
		return true
	}
	return r.Checked && !r.Health.OK()
}

// tunnelState runs the tunnel (when on) and the watchdog (whenever there
// is a public URL), restarted when their settings change.
type tunnelState struct {
	mu       sync.Mutex
	key      string
	mode     string
	state    tunnel.State
	url      string
	health   tunnel.Health
	checked  bool
	watchdog *tunnel.Watchdog
	cancel   context.CancelFunc
	done     sync.WaitGroup
}

// Reach reports the path from sipgate to this app.
func (s *Service) Reach() Reach {
	t := &s.tunnel
	t.mu.Lock()
	defer t.mu.Unlock()
	r := Reach{Mode: t.mode, State: t.state, URL: t.url, Health: t.health, Checked: t.checked}
	if r.State == nil {
		r.State = tunnel.Off{}
	}
	if r.URL == "" {
		r.URL = s.Current().PublicURL
	}
	return r
}

// PublicURL is the URL sipgate should post to: the tunnel's while it is
// up, else WEBHOOK_SERVER_ADDRESS.
func (s *Service) PublicURL() string { return s.Reach().URL }

func (s *Service) startTunnel(ctx context.Context) {
	s.restartTunnel(s.Current())
	s.OnConfig(s.restartTunnel)
	s.consumers.goRun(func(ctx context.Context) {
		<-ctx.Done()
		s.stopTunnel()
	})
}

// watchdogInterval is the time between the watchdog's rounds.
var watchdogInterval = 10 * time.Minute

func (s *Service) restartTunnel(cfg config.Config) {
	key := fmt.Sprint(cfg.Tunnel, cfg.TunnelSSHHost, LocalAddr(cfg), cfg.PublicURL)
	t := &s.tunnel
	t.mu.Lock()
	same := key == t.key && t.cancel != nil
	t.mu.Unlock()
	if same {
		return
	}
	s.stopTunnel()
	ctx, cancel := context.WithCancel(context.Background())
	w := tunnel.NewWatchdog(tunnel.WatchdogOptions{
		SendTest: func(ctx context.Context, url string) error { return Probe(ctx, s.opt.ProbeClient, url, s.secret) },
		SipgateURL: func(ctx context.Context) (string, error) {
			c, err := s.sipgateClient()
			if err != nil {
				return s.PublicURL(), nil // not connected: nothing to compare
			}
			ws, err := c.WebhookSettings(ctx)
			return ws.IncomingURL, err
		},
		FailedDeliveries: s.failedDeliveries,
		OnHealth:         s.healthChanged,
		Interval:         watchdogInterval,
		Logger:           s.Logger,
	})
	t.mu.Lock()
	t.key, t.mode, t.cancel, t.watchdog = key, cfg.Tunnel, cancel, w
	t.state, t.url, t.checked, t.health = tunnel.Off{}, "", false, tunnel.Health{}
	t.mu.Unlock()
	s.Tracker.SetPublicURL(cfg.PublicURL)
	t.done.Add(1)
	go func() {
		defer t.done.Done()
		w.Run(ctx)
	}()
	if cfg.Tunnel == config.TunnelOff {
		w.SetURL(cfg.PublicURL)
		return
	}
	tun := tunnel.New(tunnel.Options{Mode: tunnel.Mode(cfg.Tunnel), LocalAddr: LocalAddr(cfg), SSHHost: cfg.TunnelSSHHost,
		DataDir: cfg.DataDir, Logger: s.Logger, OnURL: s.tunnelURL, OnState: s.tunnelStateChanged})
	t.done.Add(1)
	go func() {
		defer t.done.Done()
		tun.Run(ctx)
	}()
}

func (s *Service) stopTunnel() {
	t := &s.tunnel
	t.mu.Lock()
	cancel := t.cancel
	t.cancel = nil
	t.mu.Unlock()
	if cancel != nil {
		cancel()
		t.done.Wait()
	}
}

// tunnelURL makes a new tunnel URL the public URL at once, re-points
// sipgate to it when an account is connected, and has the watchdog check
// it.
func (s *Service) tunnelURL(u string) {
	t := &s.tunnel
	t.mu.Lock()
	changed := t.url != u
	t.url = u
	w := t.watchdog
	t.mu.Unlock()
	s.Tracker.SetPublicURL(u)
	s.Logger.Info("reachable from the internet", "url", u)
	if changed {
		go s.repoint()
	}
	w.SetURL(u)
}

// repoint points sipgate at the new URL, retrying for a minute: the
// watchdog reports it when that fails.
func (s *Service) repoint() {
	if _, err := s.sipgateClient(); err != nil {
		return
	}
	for attempt := 0; attempt < 6; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
		err := s.PointSipgateHere(ctx)
		cancel()
		if err == nil {
			s.Logger.Info("sipgate now sends calls to the new URL")
			return
		}
		s.Logger.Warn("could not point sipgate at the new URL", "err", err)
		time.Sleep(10 * time.Second)
	}
}

func (s *Service) tunnelStateChanged(st tunnel.State) {
	t := &s.tunnel
	t.mu.Lock()
	t.state = st
	if _, up := st.(tunnel.Up); !up {
		if _, connecting := st.(tunnel.Connecting); !connecting {
			t.url = ""
		}
	}
	t.mu.Unlock()
	switch st := st.(type) {
	case tunnel.HostKeyChanged:
		s.notice(Notice{Key: "tunnel", Title: i18n.TunnelState(st), Body: i18n.T("Nothing was sent. If localhost.run announced a new key, run \"whoiscalling tunnel trust\"; otherwise leave the tunnel off.")})
	case tunnel.Failed:
		s.notice(Notice{Key: "tunnel", Title: i18n.TunnelState(st)})
	case tunnel.Up:
		s.clearNotice("tunnel")
	}
}

// healthChanged records the watchdog's finding and raises one notice per
// kind of problem.
func (s *Service) healthChanged(h tunnel.Health) {
	t := &s.tunnel
	t.mu.Lock()
	t.health, t.checked = h, true
	t.mu.Unlock()
	if h.OK() {
		s.clearNotice("reach")
		return
	}
	s.notice(Notice{Key: "reach", Title: i18n.HealthTitle(h), Body: i18n.HealthAdvice(h)})
}

// failedDeliveries counts the failed deliveries in sipgate's log since
// the last round (nil when no account is connected).
func (s *Service) failedDeliveries(ctx context.Context) (int, error) {
	c, err := s.sipgateClient()
	if err != nil {
		return 0, nil
	}
	log, err := c.WebhookLog(ctx)
	if err != nil {
		return 0, err
	}
	since := time.Now().Add(-watchdogInterval)
	n := 0
	for _, e := range log {
		if e.Created.Time.After(since) && (e.Status < 200 || e.Status > 299) {
			n++
		}
	}
	return n, nil
}

// CheckReach runs a watchdog round now and returns what it found.
func (s *Service) CheckReach(ctx context.Context) tunnel.Health {
	s.tunnel.mu.Lock()
	w := s.tunnel.watchdog
	s.tunnel.mu.Unlock()
	if w == nil {
		return tunnel.Health{}
	}
	return w.Check(ctx)
}
