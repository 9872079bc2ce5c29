package service

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
	"github.com/whoiscalling/whoiscalling/app/tunnel"
	"github.com/whoiscalling/whoiscalling/app/tunnel/tunnelfake"
)

// toPublic sends every request to the fake tunnel's internet side, as
// DNS and TLS would send https://….lhr.life to localhost.run.
type toPublic struct{ addr func() string }

func (p toPublic) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = "http", p.addr()
	return http.DefaultTransport.RoundTrip(r)
}

// waitFor polls cond for up to d (generous: the machine is shared).
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTunnelURLRepointsSipgateAndTheWatchdogWarns(t *testing.T) {
	old := watchdogInterval
	watchdogInterval = 300 * time.Millisecond
	t.Cleanup(func() { watchdogInterval = old })

	key := tunnelfake.NewHostKey(t)
	lhr := tunnelfake.StartLHR(t, "127.0.0.1:0", key, "first.lhr.life")
	sshAddr := lhr.Addr()
	var mu sync.Mutex
	public := lhr.PublicAddr
	srv := sipgatefake.New(t)
	env := map[string]string{
		config.KeyTunnel: config.TunnelLocalhostRun, config.KeyTunnelSSHHost: sshAddr, config.KeyVerifySignature: "false",
		config.KeySipgateAPIURL: srv.URL, config.KeySipgateTokenID: srv.TokenID, config.KeySipgateToken: srv.Token,
		config.KeyPort: freePort(t),
	}
	e := testEnv(env)
	cfg, err := LoadConfig(e, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: toPublic{func() string { mu.Lock(); defer mu.Unlock(); return public() }}}
	svc, err := Open(Options{Config: cfg, Env: e, Logger: slog.New(slog.DiscardHandler), RequireListener: true, ProbeClient: client})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	var notices []Notice
	svc.OnNotice(func(n Notice) { mu.Lock(); notices = append(notices, n); mu.Unlock() })
	if err := svc.Run(context.Background()); err != nil {
		t.Fatal(err)
	}

	waitFor(t, 30*time.Second, "the tunnel's URL", func() bool { return svc.PublicURL() == "https://first.lhr.life" })
	resp, err := client.Post("https://first.lhr.life/", "application/x-www-form-urlencoded",
		strings.NewReader("event=newCall&direction=in&from=4921155501000&to=4921100000000&callId=T1&user[]=Anna"))
	if err != nil {
		t.Fatal(err)
	}
	body := make([]byte, 512)
	n, _ := resp.Body.Read(body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body[:n]), `onHangup="https://first.lhr.life`) {
		t.Fatalf("webhook through the tunnel = %d %s", resp.StatusCode, body[:n])
	}
	waitFor(t, 60*time.Second, "sipgate pointed at the tunnel", func() bool {
		s := srv.Data().Settings
		return s.IncomingURL == "https://first.lhr.life" && s.OutgoingURL == "https://first.lhr.life"
	})
	waitFor(t, 30*time.Second, "a healthy watchdog round", func() bool {
		r := svc.Reach()
		return r.Checked && r.Health.OK() && !r.Warning()
	})

	// localhost.run restarts and hands out a new URL.
	lhr.Close()
	second := tunnelfake.StartLHR(t, sshAddr, key, "second.lhr.life")
	mu.Lock()
	public = second.PublicAddr
	mu.Unlock()
	waitFor(t, 60*time.Second, "sipgate re-pointed at the new URL", func() bool {
		return srv.Data().Settings.IncomingURL == "https://second.lhr.life"
	})
	if svc.PublicURL() != "https://second.lhr.life" || svc.Tracker.PublicURL() != "https://second.lhr.life" {
		t.Errorf("public URL = %q, tracker %q", svc.PublicURL(), svc.Tracker.PublicURL())
	}

	// Someone points sipgate elsewhere: the next round warns, once.
	srv.Update(func(d *sipgatefake.Data) { d.Settings.IncomingURL = "https://elsewhere.example.org/" })
	waitFor(t, 30*time.Second, "a warning", func() bool { return svc.Reach().Warning() })
	var elsewhere bool
	for _, p := range svc.Reach().Health.Problems {
		_, elsewhere = p.(tunnel.SipgateElsewhere)
	}
	if !elsewhere {
		t.Errorf("problems = %v, want sipgate elsewhere", svc.Reach().Health.Problems)
	}
	time.Sleep(4 * watchdogInterval)
	mu.Lock()
	defer mu.Unlock()
	count := 0
	for _, n := range notices {
		// Before sipgate was first pointed here, a round may have seen
		// the old URL: that is a notice of its own.
		if n.Key == "reach" && strings.Contains(n.Title, "elsewhere.example.org") {
			count++
			if !strings.Contains(n.Body, "Point sipgate here") {
				t.Errorf("notice = %+v", n)
			}
		}
	}
	if count != 1 {
		t.Errorf("%d notices for one broken path, want 1", count)
	}
}

func TestProbeNeedsTheKey(t *testing.T) {
	svc := openTestService(t, map[string]string{})
	url := "http://" + svc.Status().Addr + "/"
	if err := Probe(context.Background(), nil, url, svc.secret); err != nil {
		t.Fatalf("probe with the key: %v", err)
	}
	if err := Probe(context.Background(), nil, url, []byte(strings.Repeat("x", 32))); err == nil {
		t.Errorf("a probe with another key was answered")
	}
	if list, _ := svc.Tracker.Recent(context.Background(), calls.Query{Limit: 10}); len(list) != 0 {
		t.Errorf("probes entered the history: %v", list)
	}
}
