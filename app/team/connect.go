package team

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// ConnectError is a failed connection to the team's NATS servers (down,
// unreachable, refused credentials). The desk keeps working alone and
// keeps trying; Status reports the latest one.
type ConnectError struct {
	Servers []string
	Err     error
}

// Error names the servers (passwords redacted) and the cause.
func (e *ConnectError) Error() string {
	return fmt.Sprintf("cannot reach NATS at %s: %v", strings.Join(e.Servers, ", "), e.Err)
}

// Unwrap returns the cause, such as nats.ErrAuthorization.
func (e *ConnectError) Unwrap() error { return e.Err }

// backoff is the wait before the attempt after n failed ones: doubling
// from 100 ms up to max, with jitter so desks do not retry in step.
func backoff(n int, max time.Duration) time.Duration {
	d := 100 * time.Millisecond
	for i := 0; i < n && d < max; i++ {
		d *= 2
	}
	d = min(d, max)
	return d/2 + rand.N(d/2+1)
}

// connect dials the configured servers (or the embedded one) and keeps
// reconnecting forever; it fails only for options NATS itself rejects.
func (t *Team) connect(srv *server.Server) (*nats.Conn, error) {
	opts := []nats.Option{
		nats.Name("whoiscalling " + t.id),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.CustomReconnectDelay(func(n int) time.Duration { return backoff(n, t.opt.RetryMax) }),
		nats.ReconnectErrHandler(func(_ *nats.Conn, err error) { t.setErr(err) }),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				t.setErr(err)
			}
			t.log.Info("team: disconnected from NATS")
		}),
		nats.ClosedHandler(func(*nats.Conn) { close(t.closed) }),
		nats.ConnectHandler(func(c *nats.Conn) { t.connected(c) }),
		nats.ReconnectHandler(func(c *nats.Conn) { t.connected(c) }),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
			t.log.Warn("team: NATS error", "err", err)
		}),
	}
	if t.cfg.Token != "" {
		opts = append(opts, nats.Token(t.cfg.Token))
	}
	if t.cfg.CredsFile != "" {
		opts = append(opts, nats.UserCredentials(t.cfg.CredsFile))
	}
	url := strings.Join(t.cfg.URLs, ",")
	if srv != nil {
		opts = append(opts, nats.InProcessServer(srv))
		url = srv.ClientURL()
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, &ConnectError{Servers: t.servers(), Err: err}
	}
	return nc, nil
}

func (t *Team) connected(c *nats.Conn) {
	t.setErr(nil)
	t.log.Info("team: connected to NATS", "server", c.ConnectedUrlRedacted())
}

// servers are the configured servers, passwords redacted.
func (t *Team) servers() []string {
	if t.srv != nil {
		return []string{t.srv.ClientURL()}
	}
	return splitList(redactURLs(strings.Join(t.cfg.URLs, ",")))
}

func (t *Team) setErr(err error) {
	if err != nil {
		err = &ConnectError{Servers: t.servers(), Err: err}
		t.log.Warn("team: NATS unreachable, working alone and retrying", "err", err)
	}
	t.lastErr.Store(&errBox{err})
}

type errBox struct{ err error }
