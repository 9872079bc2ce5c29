package team

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Unreachable is the state Inspect reports when it cannot connect.
const Unreachable ConnState = "unreachable"

// Inspect connects once to the team's NATS, as a client of its own beside
// the running app, and reports the team as the desk of dataDir sees it:
// for `whoiscalling team status`. With NATS_LISTEN it asks the embedded
// server of the app running on this machine. It creates nothing; a
// failed connection is reported in the Status and returned as a
// *ConnectError.
func Inspect(ctx context.Context, cfg Config, dataDir string) (Status, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Check(); err != nil {
		return Status{}, err
	}
	if !cfg.Enabled() {
		return Status{}, errors.New("team mode is off: set NATS_URL or NATS_LISTEN")
	}
	t := &Team{cfg: cfg, names: names{team: cfg.Team}}
	t.id, _ = readInstanceID(dataDir)
	urls, err := inspectURLs(cfg)
	if err != nil {
		return Status{}, err
	}
	s := Status{Team: cfg.Team, Instance: t.id, Servers: splitList(redactURLs(strings.Join(urls, ","))),
		State: Unreachable, Receivers: []Receiver{}}
	s.Outbox = countOutbox(ctx, dataDir)
	nc, err := nats.Connect(strings.Join(urls, ","), inspectOptions(ctx, cfg)...)
	if err != nil {
		err = &ConnectError{Servers: s.Servers, Err: err}
		s.Err, s.Error = err, err.Error()
		return s, err
	}
	defer nc.Close()
	s.State, s.Server = Connected, nc.ConnectedUrlRedacted()
	js, err := jetstream.New(nc)
	if err != nil {
		return s, err
	}
	return s, t.inspect(ctx, js, &s)
}

// inspect fills in the receivers and this desk's lag.
func (t *Team) inspect(ctx context.Context, js jetstream.JetStream, s *Status) error {
	if t.id != "" {
		c, err := js.Consumer(ctx, t.names.stream(), t.id)
		if err == nil {
			info, ierr := c.Info(ctx)
			if err = ierr; err == nil {
				s.Lag = info.NumPending + uint64(info.NumAckPending)
			}
		}
		if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) && !errors.Is(err, jetstream.ErrStreamNotFound) {
			return fmt.Errorf("read this desk's consumer: %w", err)
		}
	}
	presence, err := js.KeyValue(ctx, t.names.bucket("presence"))
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil // no desk has set the team up yet
	} else if err != nil {
		return fmt.Errorf("read the team's presence: %w", err)
	}
	if s.Receivers, err = readReceivers(ctx, presence); err != nil {
		return fmt.Errorf("read the team's presence: %w", err)
	}
	if s.Receivers == nil {
		s.Receivers = []Receiver{}
	}
	if len(s.Receivers) == 0 {
		if kv, err := js.KeyValue(ctx, t.names.bucket("receivers")); err == nil {
			s.NoReceiverSince = lastSeen(ctx, kv)
		}
	}
	return nil
}

func inspectOptions(ctx context.Context, cfg Config) []nats.Option {
	timeout := 5 * time.Second
	if d, ok := ctx.Deadline(); ok {
		timeout = max(time.Until(d), 100*time.Millisecond)
	}
	opts := []nats.Option{nats.Name("whoiscalling team status"), nats.Timeout(timeout), nats.NoReconnect()}
	if cfg.Token != "" {
		opts = append(opts, nats.Token(cfg.Token))
	}
	if cfg.CredsFile != "" {
		opts = append(opts, nats.UserCredentials(cfg.CredsFile))
	}
	return opts
}

// inspectURLs are the servers to ask: the configured ones, or the
// embedded server of NATS_LISTEN reached over loopback.
func inspectURLs(cfg Config) ([]string, error) {
	if cfg.Listen == "" {
		return cfg.URLs, nil
	}
	host, port, err := net.SplitHostPort(cfg.Listen)
	if err != nil || port == "0" {
		return nil, &ConfigError{Key: KeyListen, Value: cfg.Listen,
			Err: errors.New("a free port is picked at each start, so the status cannot find it; set a fixed port")}
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip != nil && ip.To4() == nil {
			host = "::1"
		}
	}
	return []string{"nats://" + net.JoinHostPort(host, port)}, nil
}

// readInstanceID is the desk's instance id, or "" when it never joined.
func readInstanceID(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, instanceFile))
	if id := strings.TrimSpace(string(b)); err == nil && validInstance(id) {
		return id, nil
	}
	return "", err
}

// countOutbox is how many states wait in the outbox of dir, without
// creating one.
func countOutbox(ctx context.Context, dir string) int {
	path := filepath.Join(dir, outboxFile)
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	box, err := openOutbox(path)
	if err != nil {
		return 0
	}
	defer box.close()
	n, _ := box.count(ctx)
	return n
}
