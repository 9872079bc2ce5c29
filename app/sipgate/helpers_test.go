package sipgate_test

import (
	"bytes"
	"log/slog"
	"sync"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

// logBuffer collects log lines; safe for concurrent writes.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// setup starts a fake and a client for it that logs at Debug into logs.
func setup(t *testing.T, edit ...func(*sipgate.Config)) (*sipgatefake.Server, *sipgate.Client, *logBuffer) {
	t.Helper()
	srv := sipgatefake.New(t)
	logs := &logBuffer{}
	cfg := sipgate.Config{BaseURL: srv.URL, TokenID: srv.TokenID, Token: srv.Token,
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	for _, e := range edit {
		e(&cfg)
	}
	c, err := sipgate.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return srv, c, logs
}

// only fails unless exactly one request of method to path was made, and
// returns it.
func only(t *testing.T, srv *sipgatefake.Server, method, path string) sipgatefake.Request {
	t.Helper()
	reqs := srv.RequestsTo(method, path)
	if len(reqs) != 1 {
		t.Fatalf("%s %s requests = %d, want 1 (all: %+v)", method, path, len(reqs), srv.Requests())
	}
	if !reqs[0].Authorized {
		t.Fatalf("%s %s was not authorized", method, path)
	}
	return reqs[0]
}
