package team

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// deadline bounds every wait: generous, as the machine is shared.
const deadline = 60 * time.Second

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func testLogger(t testing.TB) *slog.Logger {
	if os.Getenv("TEAM_TEST_LOG") == "" {
		return slog.New(slog.DiscardHandler)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})).
		With("test", t.Name())
}

// desk starts a team member on fake with quick presence and retries, and
// stops it at the end of the test.
func desk(t testing.TB, cfg Config, dir string, fake *fakeTracker, edit ...func(*Options)) *Team {
	t.Helper()
	opt := Options{Config: cfg, DataDir: dir, Tracker: fake, Changes: fake.changes, Logger: testLogger(t),
		Hostname: filepath.Base(dir), Heartbeat: 100 * time.Millisecond, PresenceTTL: time.Second,
		RetryMax: 300 * time.Millisecond}
	for _, e := range edit {
		e(&opt)
	}
	tm, err := Start(opt)
	if err != nil {
		t.Fatalf("Start(%s) = %v", dir, err)
	}
	t.Cleanup(func() { tm.Close() })
	return tm
}

// ready waits until tm has set up the stream, buckets and consumer.
func ready(t testing.TB, tm *Team) {
	t.Helper()
	select {
	case <-tm.ready:
	case <-time.After(deadline):
		t.Fatalf("desk %s never got ready: %v", tm.id, tm.Status(context.Background()).Err)
	}
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// natsServer runs a JetStream server on port (-1: any) for the test.
func natsServer(t *testing.T, port int, edit ...func(*server.Options)) *server.Server {
	t.Helper()
	opts := &server.Options{Host: "127.0.0.1", Port: port, JetStream: true, StoreDir: t.TempDir(),
		NoSigs: true, NoLog: true, ServerName: fmt.Sprintf("test-%d", port)}
	for _, e := range edit {
		e(opts)
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	if !srv.ReadyForConnections(deadline) {
		t.Fatal("test NATS server did not start")
	}
	t.Cleanup(srv.Shutdown)
	return srv
}

// urlConfig is a desk's configuration for the servers at urls.
func urlConfig(urls ...string) Config { return Config{URLs: urls, Team: "office"} }
