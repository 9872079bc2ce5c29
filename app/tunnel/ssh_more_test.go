package tunnel

import (
	"errors"
	"github.com/whoiscalling/whoiscalling/app/tunnel/tunnelfake"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/ssh/knownhosts"
)

func TestTextOutputIsReadToo(t *testing.T) {
	app := echoApp(t)
	srv := tunnelfake.Start(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "0b20df995bc7ac.lhr.life", tunnelfake.TextOnly)
	r := startTunnel(t, lhrOptions(t, srv, app.URL, t.TempDir()))
	if got, want := r.nextURL(t), "https://0b20df995bc7ac.lhr.life"; got != want {
		t.Errorf("URL from the text banner = %q, want %q", got, want)
	}
}

func TestNoURLInTimeRetries(t *testing.T) {
	app := echoApp(t)
	srv := tunnelfake.Start(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "quiet.lhr.life", tunnelfake.Silent)
	opts := lhrOptions(t, srv, app.URL, t.TempDir())
	opts.ConnectTimeout = 500 * time.Millisecond
	r := startTunnel(t, opts)
	// A slow handshake may time out first; the wait is for the missing URL.
	r.waitState(t, func(s State) bool { d, ok := s.(Down); return ok && errors.Is(d.Err, errNoURL) })
}

func TestPinnedKeyIsRequired(t *testing.T) {
	app := echoApp(t)
	key := tunnelfake.NewHostKey(t)
	for _, tc := range []struct {
		name    string
		shows   bool // the server shows the pinned key
		wantURL bool
	}{
		{"pinned key shown", true, true},
		{"other key shown on first use", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shown := key
			if !tc.shows {
				shown = tunnelfake.NewHostKey(t)
			}
			srv := tunnelfake.StartLHR(t, "127.0.0.1:0", shown, "pinned.lhr.life")
			dataDir := t.TempDir()
			opts := lhrOptions(t, srv, app.URL, dataDir)
			opts.PinnedKeys = []string{
				"# shipped with the app",
				knownhosts.Line([]string{knownhosts.Normalize(srv.Addr())}, key.PublicKey()),
			}
			r := startTunnel(t, opts)
			if tc.wantURL {
				r.nextURL(t)
			} else {
				r.waitState(t, func(s State) bool { _, ok := s.(HostKeyChanged); return ok })
			}
			if _, err := os.Stat(filepath.Join(dataDir, KnownHostsFile)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a pinned host was written to the known-hosts file (stat: %v)", err)
			}
		})
	}
}

func TestLocalListenerDownKeepsTheTunnel(t *testing.T) {
	app := echoApp(t)
	srv := tunnelfake.StartLHR(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "4f2a.lhr.life")
	r := startTunnel(t, lhrOptions(t, srv, app.URL, t.TempDir()))
	url := r.nextURL(t)
	app.Close()

	client := &http.Client{Timeout: patience}
	if resp, err := client.Get("http://" + srv.PublicAddr() + "/"); err == nil {
		_ = resp.Body.Close()
		t.Errorf("GET through the tunnel to a closed listener: status %s, want a failed request", resp.Status)
	}
	if got := r.tun.State(); got != (Up{URL: url}) {
		t.Errorf("State() after a refused local connection = %v, want %v", got, Up{URL: url})
	}
}

func TestStuckServerRetries(t *testing.T) {
	app := echoApp(t)
	srv := tunnelfake.Start(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "stuck.lhr.life", tunnelfake.Stuck)
	opts := lhrOptions(t, srv, app.URL, t.TempDir())
	opts.ConnectTimeout = 500 * time.Millisecond
	r := startTunnel(t, opts)
	r.waitState(t, func(s State) bool { d, ok := s.(Down); return ok && errors.Is(d.Err, errSetupTimeout) })
	select {
	case u := <-r.urls:
		t.Errorf("URL %q reported though the forward was never granted", u)
	default:
	}
}
