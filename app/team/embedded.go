package team

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ListenError is an embedded server (or its MQTT listener) that could not
// listen on its address: the port is taken or not permitted.
type ListenError struct {
	Addr string
	Err  error
}

// Error names the address and the cause.
func (e *ListenError) Error() string { return fmt.Sprintf("cannot listen on %s: %v", e.Addr, e.Err) }

// Unwrap returns the cause, such as a syscall error.
func (e *ListenError) Unwrap() error { return e.Err }

// startServer runs the embedded NATS server of cfg.Listen with JetStream
// (store in dir/nats), token auth when set and MQTT when asked. It refuses
// to listen beyond loopback without a token.
func startServer(cfg Config, dir, name string) (*server.Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	opts := &server.Options{ServerName: name, JetStream: true, StoreDir: filepath.Join(dir, "nats"),
		Authorization: cfg.Token, NoSigs: true, NoLog: true, MaxPayload: 1 << 20}
	var err error
	if opts.Host, opts.Port, err = hostPort(cfg.Listen); err != nil {
		return nil, err
	}
	if cfg.MQTTListen != "" {
		if opts.MQTT.Host, opts.MQTT.Port, err = hostPort(cfg.MQTTListen); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(opts.StoreDir, 0o700); err != nil {
		return nil, fmt.Errorf("create NATS store: %w", err)
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded NATS server: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return nil, &ListenError{Addr: cfg.Listen, Err: fmt.Errorf("the embedded NATS server did not start")}
	}
	return srv, nil
}

// hostPort splits addr for nats-server, where port -1 means "any free
// port". It tries the address first, so a taken port is a ListenError.
func hostPort(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, &ConfigError{Key: KeyListen, Value: addr, Err: ErrListen}
	}
	port, _ := strconv.Atoi(p)
	if port == 0 {
		return host, -1, nil
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", 0, &ListenError{Addr: addr, Err: err}
	}
	l.Close()
	return host, port, nil
}
