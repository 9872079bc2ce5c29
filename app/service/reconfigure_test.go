package service

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// openTestService opens a listening service on a free port, set in the
// environment or, when env lacks it, in the saved settings.
func openTestService(t *testing.T, env map[string]string) *Service {
	t.Helper()
	e := testEnv(env)
	dir := env[config.KeyDataDir]
	if dir == "" {
		dir = t.TempDir()
	}
	if _, ok := env[config.KeyPort]; !ok {
		config.SaveSettings(dir, map[string]string{config.KeyPort: freePort(t)})
	}
	cfg, err := LoadConfig(e, dir)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := Open(Options{Config: cfg, Env: e, Logger: slog.New(slog.DiscardHandler), RequireListener: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if err := svc.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return svc
}

func reachable(addr string) bool {
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return true
}

func TestSaveMovesTheListener(t *testing.T) {
	svc := openTestService(t, map[string]string{"WEBHOOK_SERVER_PORT": freePort(t)})
	old := svc.Status().Addr
	// The environment sets the port, so the saved port cannot win: nothing moves.
	if err := svc.Save(map[string]string{config.KeyPort: freePort(t)}); err != nil || svc.Status().Addr != old {
		t.Fatalf("Save(port) with the port set in the environment = %v, addr %s; want no move from %s", err, svc.Status().Addr, old)
	}

	svc = openTestService(t, map[string]string{})
	port := freePort(t)
	if err := svc.Save(map[string]string{config.KeyPort: port, config.KeyPublicURL: "https://x.example/"}); err != nil {
		t.Fatal(err)
	}
	if st := svc.Status(); !strings.HasSuffix(st.Addr, ":"+port) || !reachable(st.Addr) {
		t.Errorf("after Save(port %s) the listener is at %s (reachable %v)", port, st.Addr, reachable(st.Addr))
	}
	if svc.Tracker.PublicURL() != "https://x.example/" {
		t.Errorf("tracker public URL = %q, want the saved one", svc.Tracker.PublicURL())
	}

	busy, _ := net.Listen("tcp", "127.0.0.1:0")
	defer busy.Close()
	_, busyPort, _ := net.SplitHostPort(busy.Addr().String())
	err := svc.Save(map[string]string{config.KeyPort: busyPort})
	if err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Errorf("Save(busy port) = %v, want \"already in use\"", err)
	}
	if st := svc.Status(); !strings.HasSuffix(st.Addr, ":"+port) || !reachable(st.Addr) {
		t.Errorf("after a failed move the listener is at %s, want still :%s", st.Addr, port)
	}
	if saved, _ := config.ReadSettings(svc.Current().DataDir); saved[config.KeyPort] != port {
		t.Errorf("saved port after a failed move = %q, want %s", saved[config.KeyPort], port)
	}
	if err := svc.Save(map[string]string{config.KeyPort: "99999"}); err == nil {
		t.Errorf("Save(port 99999) = nil, want the reason")
	}
	msg, err := svc.SendTestCall(context.Background())
	if err != nil || !strings.Contains(msg, "delivered") {
		t.Errorf("SendTestCall = %q, %v", msg, err)
	}
}

func TestSaveRegionAppliesToTheBook(t *testing.T) {
	svc := openTestService(t, map[string]string{})
	if err := svc.Save(map[string]string{config.KeyDefaultRegion: "AT"}); err != nil {
		t.Fatal(err)
	}
	c, err := svc.Book.Add(context.Background(), contacts.Contact{FirstName: "Graz", Numbers: []contacts.Number{{Label: contacts.LabelWork, Raw: "0316 123456"}}})
	if err != nil || c.Numbers[0].E164 != "+43316123456" {
		t.Errorf("after Save(DEFAULT_REGION=AT), 0316 123456 became %v (%v), want +43316123456", c.Numbers, err)
	}
}

// testEnv is a process environment of the given variables, no .env.
func testEnv(vars map[string]string) Env {
	return Env{
		LookupEnv:     func(k string) (string, bool) { v, ok := vars[k]; return v, ok },
		DotEnv:        func() (map[string]string, error) { return map[string]string{}, nil },
		UserConfigDir: func() (string, error) { return "", errors.New("no user config dir in tests") },
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, p, _ := net.SplitHostPort(l.Addr().String())
	return p
}
