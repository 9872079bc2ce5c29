package tunnel

import (
	"github.com/whoiscalling/whoiscalling/app/tunnel/tunnelfake"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh/knownhosts"
)

func TestForgetHostKeyLetsTheNewKeyIn(t *testing.T) {
	app := echoApp(t)
	dataDir := t.TempDir()
	file := filepath.Join(dataDir, KnownHostsFile)
	other := knownhosts.Line([]string{"other.example"}, tunnelfake.NewHostKey(t).PublicKey()) + "\n"
	if err := os.WriteFile(file, []byte(other), 0o600); err != nil {
		t.Fatal(err)
	}
	first := tunnelfake.StartLHR(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "first.lhr.life")
	r := startTunnel(t, lhrOptions(t, first, app.URL, dataDir))
	r.nextURL(t)
	r.stop(t)
	first.Close()
	newKey := tunnelfake.NewHostKey(t)
	second := tunnelfake.StartLHR(t, first.Addr(), newKey, "second.lhr.life")

	r = startTunnel(t, lhrOptions(t, second, app.URL, dataDir))
	r.waitState(t, func(s State) bool { _, ok := s.(HostKeyChanged); return ok })

	if err := ForgetHostKey(dataDir, second.Addr()); err != nil {
		t.Fatalf("ForgetHostKey: %v", err)
	}
	r = startTunnel(t, lhrOptions(t, second, app.URL, dataDir))
	if got := r.nextURL(t); got != "https://second.lhr.life" {
		t.Fatalf("URL after forgetting the old key = %q", got)
	}
	data, _ := os.ReadFile(file)
	want := other + knownhosts.Line([]string{knownhosts.Normalize(second.Addr())}, newKey.PublicKey()) + "\n"
	if string(data) != want {
		t.Errorf("known-hosts file = %q, want %q", data, want)
	}
	info, _ := os.Stat(file)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("known-hosts file mode after rewrite = %o, want 600", info.Mode().Perm())
	}
}

func TestForgetHostKeyWithoutFile(t *testing.T) {
	if err := ForgetHostKey(t.TempDir(), DefaultSSHHost); err != nil {
		t.Errorf("ForgetHostKey with no file = %v, want nil", err)
	}
}

func TestDamagedKnownHostsFileStops(t *testing.T) {
	dataDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dataDir, KnownHostsFile), []byte("localhost.run ssh-ed25519 !!!\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := startTunnel(t, Options{Mode: ModeLocalhostRun, LocalAddr: "127.0.0.1:8080", DataDir: dataDir})
	s := r.waitState(t, func(s State) bool { _, ok := s.(Failed); return ok })
	if err := s.(Failed).Err; !strings.Contains(err.Error(), "is damaged") || !strings.Contains(err.Error(), "delete it") {
		t.Errorf("Failed.Err = %v, want it to name the damaged file and the fix", err)
	}
}
