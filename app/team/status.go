package team

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ConnState is the state of the connection to NATS.
type ConnState string

// The connection states.
const (
	Connected    ConnState = "connected"
	Reconnecting ConnState = "reconnecting"
	Closed       ConnState = "closed"
)

// Status is the team as this desk sees it, for the tray's status line and
// `whoiscalling team status --json`.
type Status struct {
	Team     string    `json:"team"`
	Instance string    `json:"instance"`
	Servers  []string  `json:"servers"`
	State    ConnState `json:"state"`
	// Server is the server connected to, password redacted.
	Server string `json:"server,omitempty"`
	// Receivers are the receivers online now.
	Receivers []Receiver `json:"receivers"`
	// NoReceiverSince is, when no receiver is online, the last heartbeat
	// of the last one seen; nil when a receiver is online or none ever was.
	NoReceiverSince *time.Time `json:"no_receiver_since"`
	// Lag is how many team states this desk has not merged yet.
	Lag uint64 `json:"lag"`
	// Outbox is how many of this desk's states wait to be published.
	Outbox int `json:"outbox"`
	// Err is the latest connection problem (a *ConnectError), nil while
	// connected.
	Err   error  `json:"-"`
	Error string `json:"error,omitempty"`
}

// Status reports the connection, the receivers online, this desk's lag
// and outbox. The parts that need the server are left empty while it
// cannot be reached or ctx ends.
func (t *Team) Status(ctx context.Context) Status {
	s := Status{Team: t.cfg.Team, Instance: t.id, Servers: t.servers(), State: t.state()}
	if s.State == Connected {
		s.Server = t.nc.ConnectedUrlRedacted()
	}
	if b := t.lastErr.Load(); b != nil && b.err != nil {
		s.Err, s.Error = b.err, b.err.Error()
	}
	s.Outbox, _ = t.box.count(ctx)
	r := t.current()
	if r == nil || s.State != Connected {
		return s
	}
	if info, err := r.consumer.Info(ctx); err == nil {
		s.Lag = info.NumPending + uint64(info.NumAckPending)
	}
	s.Receivers, _ = readReceivers(ctx, r.presence)
	if len(s.Receivers) == 0 {
		s.NoReceiverSince = lastSeen(ctx, r.receivers)
	}
	return s
}

func (t *Team) state() ConnState {
	switch t.nc.Status() {
	case nats.CONNECTED:
		return Connected
	case nats.CLOSED, nats.DRAINING_PUBS, nats.DRAINING_SUBS:
		return Closed
	}
	return Reconnecting
}

// lastSeen is the latest heartbeat of any receiver ever known.
func lastSeen(ctx context.Context, kv jetstream.KeyValue) *time.Time {
	all, err := readReceivers(ctx, kv)
	if err != nil || len(all) == 0 {
		return nil
	}
	last := all[0].SeenAt
	for _, x := range all[1:] {
		if x.SeenAt.After(last) {
			last = x.SeenAt
		}
	}
	return &last
}
