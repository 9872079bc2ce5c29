package tunnel

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// patience is how long a test waits for something that should happen
// soon; it is a deadline against hanging, not a speed requirement.
const patience = 30 * time.Second

// run is a Tunnel running in the background, with what it reported.
type run struct {
	tun    *Tunnel
	urls   chan string
	states chan State
	done   chan error
	cancel context.CancelFunc
}

// startTunnel runs a tunnel with opts plus channels for its reports and
// small backoffs; the test's end stops it.
func startTunnel(t *testing.T, opts Options) *run {
	t.Helper()
	r := &run{urls: make(chan string, 100), states: make(chan State, 1000), done: make(chan error, 1)}
	opts.OnURL = func(u string) { r.urls <- u }
	opts.OnState = func(s State) { r.states <- s }
	opts.MinBackoff = 10 * time.Millisecond
	opts.MaxBackoff = 50 * time.Millisecond
	if opts.Logger == nil {
		opts.Logger = testLogger(t)
	}
	r.tun = New(opts)
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.done <- r.tun.Run(ctx) }()
	t.Cleanup(func() { r.stop(t) })
	return r
}

// stop ends the tunnel and returns what Run returned.
func (r *run) stop(t *testing.T) error {
	t.Helper()
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err
		return err
	case <-time.After(patience):
		t.Fatal("Run did not return after its context ended")
		return nil
	}
}

// nextURL waits for the next reported URL.
func (r *run) nextURL(t *testing.T) string {
	t.Helper()
	select {
	case u := <-r.urls:
		return u
	case err := <-r.done:
		r.done <- err
		t.Fatalf("Run returned %v before reporting a URL", err)
	case <-time.After(patience):
		t.Fatalf("no URL reported; state %v", r.tun.State())
	}
	return ""
}

// drain forgets the states reported so far, so that waitState sees only
// what happens next.
func (r *run) drain() {
	for {
		select {
		case <-r.states:
		default:
			return
		}
	}
}

// waitState waits for a reported state that ok accepts.
func (r *run) waitState(t *testing.T, ok func(State) bool) State {
	t.Helper()
	deadline := time.After(patience)
	for {
		select {
		case s := <-r.states:
			if ok(s) {
				return s
			}
		case <-deadline:
			t.Fatalf("state not reached; now %v", r.tun.State())
			return nil
		}
	}
}

// echoApp is the local webhook listener: it answers with what it got.
func echoApp(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = io.WriteString(w, r.Method+" "+r.URL.Path+" "+string(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// postThrough posts body to path on the public side at addr and returns
// the answer.
func postThrough(t *testing.T, addr, path, body string) string {
	t.Helper()
	client := &http.Client{Timeout: patience, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Post("http://"+addr+path, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST through the tunnel: %v", err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}

// testLogger logs into the test's output until the test ends.
func testLogger(t *testing.T) *slog.Logger {
	w := &tWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct {
	t    *testing.T
	mu   sync.Mutex
	done bool
}

func (w *tWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

// isHostKeyChanged reports whether err is a *HostKeyChangedError.
func isHostKeyChanged(err error) bool {
	var hk *HostKeyChangedError
	return errors.As(err, &hk)
}
