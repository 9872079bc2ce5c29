package tunnel

import (
	"github.com/whoiscalling/whoiscalling/app/tunnel/tunnelfake"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// lhrOptions points a localhost.run tunnel at the fake server.
func lhrOptions(t *testing.T, srv *tunnelfake.Server, app string, dataDir string) Options {
	t.Helper()
	return Options{
		Mode:      ModeLocalhostRun,
		LocalAddr: strings.TrimPrefix(app, "http://"),
		SSHHost:   srv.Addr(),
		DataDir:   dataDir,
	}
}

func TestWebhookReachesTheAppThroughTheTunnel(t *testing.T) {
	app := echoApp(t)
	srv := tunnelfake.StartLHR(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "4f2a.lhr.life")
	r := startTunnel(t, lhrOptions(t, srv, app.URL, t.TempDir()))

	if got, want := r.nextURL(t), "https://4f2a.lhr.life"; got != want {
		t.Fatalf("OnURL = %q, want %q", got, want)
	}
	if got, want := r.tun.State(), (Up{URL: "https://4f2a.lhr.life"}); got != want {
		t.Errorf("State() = %v, want %v", got, want)
	}
	for _, body := range []string{"event=newCall&from=492111234567", "event=hangup&cause=normalClearing"} {
		got := postThrough(t, srv.PublicAddr(), "/webhook", body)
		if want := "POST /webhook " + body; got != want {
			t.Errorf("answer through the tunnel = %q, want %q", got, want)
		}
	}
	if err := r.stop(t); err != nil {
		t.Errorf("Run after cancel = %v, want nil", err)
	}
	if _, ok := r.tun.State().(Off); !ok {
		t.Errorf("State() after stop = %v, want off", r.tun.State())
	}
}

func TestServerRestartWithNewURLIsReported(t *testing.T) {
	app := echoApp(t)
	key := tunnelfake.NewHostKey(t)
	first := tunnelfake.StartLHR(t, "127.0.0.1:0", key, "first.lhr.life")
	r := startTunnel(t, lhrOptions(t, first, app.URL, t.TempDir()))
	if got := r.nextURL(t); got != "https://first.lhr.life" {
		t.Fatalf("first URL = %q", got)
	}

	r.drain()
	first.Close()
	r.waitState(t, func(s State) bool { _, ok := s.(Down); return ok })
	second := tunnelfake.StartLHR(t, first.Addr(), key, "second.lhr.life")

	if got := r.nextURL(t); got != "https://second.lhr.life" {
		t.Fatalf("URL after the restart = %q, want https://second.lhr.life", got)
	}
	got := postThrough(t, second.PublicAddr(), "/", "after=restart")
	if want := "POST / after=restart"; got != want {
		t.Errorf("answer after the restart = %q, want %q", got, want)
	}
}

func TestChangedHostKeyStopsTheTunnel(t *testing.T) {
	app := echoApp(t)
	dataDir := t.TempDir()
	first := tunnelfake.StartLHR(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "first.lhr.life")
	r := startTunnel(t, lhrOptions(t, first, app.URL, dataDir))
	r.nextURL(t)
	file := filepath.Join(dataDir, KnownHostsFile)
	trusted, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("known-hosts file after first use: %v", err)
	}

	first.Close()
	evil := tunnelfake.NewHostKey(t)
	tunnelfake.StartLHR(t, first.Addr(), evil, "evil.lhr.life")

	s := r.waitState(t, func(s State) bool { _, ok := s.(HostKeyChanged); return ok })
	want := HostKeyChanged{Host: knownhosts.Normalize(first.Addr()), Fingerprint: ssh.FingerprintSHA256(evil.PublicKey())}
	if s != want {
		t.Errorf("state = %v, want %v", s, want)
	}
	err = r.stop(t)
	if !isHostKeyChanged(err) {
		t.Errorf("Run = %v, want a *HostKeyChangedError", err)
	}
	if _, ok := r.tun.State().(HostKeyChanged); !ok {
		t.Errorf("State() after Run returned = %v, want it to stay HostKeyChanged", r.tun.State())
	}
	select {
	case u := <-r.urls:
		t.Errorf("a URL was reported from the server with the wrong key: %q", u)
	default:
	}
	if after, _ := os.ReadFile(file); string(after) != string(trusted) {
		t.Errorf("known-hosts file changed to %q, want it kept as %q", after, trusted)
	}
}

func TestKnownHostsFileIsPrivate(t *testing.T) {
	app := echoApp(t)
	dataDir := t.TempDir()
	key := tunnelfake.NewHostKey(t)
	srv := tunnelfake.StartLHR(t, "127.0.0.1:0", key, "4f2a.lhr.life")
	r := startTunnel(t, lhrOptions(t, srv, app.URL, dataDir))
	r.nextURL(t)

	file := filepath.Join(dataDir, KnownHostsFile)
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("known-hosts file mode = %o, want 600", perm)
	}
	data, _ := os.ReadFile(file)
	want := knownhosts.Line([]string{knownhosts.Normalize(srv.Addr())}, key.PublicKey()) + "\n"
	if string(data) != want {
		t.Errorf("known-hosts file = %q, want %q", data, want)
	}
}
