package team

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// Merger merges a call state received from the team into the local
// history: it applies in only if in.Version is newer than the kept
// version, gives a new call a local ID, and is idempotent.
// *calls.Tracker implements it.
type Merger interface {
	Merge(ctx context.Context, in calls.Call) (out calls.Call, applied bool, err error)
}

// Claimer records locally who calls back a missed call, and when it is
// done; each grows the call's version. GetByKey finds the local call a
// team's key names (calls.ErrNotFound when there is none).
// *calls.Tracker implements it.
type Claimer interface {
	Claim(ctx context.Context, id int64, by string, at time.Time) (calls.Call, error)
	Done(ctx context.Context, id int64, at time.Time) (calls.Call, error)
	GetByKey(ctx context.Context, key string) (calls.Call, error)
}

// Tracker is what the team needs of the local call tracker.
type Tracker interface {
	Merger
	Claimer
}

// Team is one desk's membership in a team: connection, outbox publisher,
// consumer, presence, claims and block list. Start it with Start and stop
// it with Close.
type Team struct {
	opt   Options
	cfg   Config
	log   *slog.Logger
	id    string
	names names
	srv   *server.Server
	nc    *nats.Conn
	js    jetstream.JetStream
	box   *outbox

	lastErr     atomic.Pointer[errBox]
	lastWebhook atomic.Int64 // unix milliseconds
	// receiver is set once this desk sends heartbeats; firstWebhook is
	// closed then.
	receiver     atomic.Bool
	firstWebhook chan struct{}
	wake         chan struct{}
	echo         echoes
	catch        catchUp

	mu    sync.Mutex
	res   *resources // nil until the stream and buckets are set up
	ready chan struct{}

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	closed chan struct{} // closed when the connection is

	closeOnce sync.Once
	closeErr  error
}

// InstanceID is this desk's stable id: its durable consumer's name and
// its presence key.
func (t *Team) InstanceID() string { return t.id }

// ServerURL is the client URL of the embedded server, or "" without one.
func (t *Team) ServerURL() string {
	if t.srv == nil {
		return ""
	}
	return t.srv.ClientURL()
}

// Close stops publishing and consuming, removes this desk's presence,
// flushes acknowledgements, and stops the embedded server. Waiting states
// stay in the outbox for the next start.
func (t *Team) Close() error {
	t.closeOnce.Do(func() { t.closeErr = t.close() })
	return t.closeErr
}

func (t *Team) close() error {
	t.cancel()
	t.wg.Wait()
	t.leave()
	if err := t.nc.Drain(); err == nil {
		select {
		case <-t.closed:
		case <-time.After(10 * time.Second):
		}
	}
	t.nc.Close()
	if t.srv != nil {
		t.srv.Shutdown()
		t.srv.WaitForShutdown()
	}
	return t.box.close()
}
