package tunnel

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net"
	"time"

	"golang.org/x/crypto/ssh"
)

// sshUser is localhost.run's user for free tunnels without an account key.
const sshUser = "nokey"

// sshConn is an SSH connection with the streams NewClientConn returns.
type sshConn struct {
	ssh.Conn
	chans <-chan ssh.NewChannel
	reqs  <-chan *ssh.Request
}

// dialSSH connects and shakes hands with the SSH server, bounded by
// ConnectTimeout and ctx.
func (t *Tunnel) dialSSH(ctx context.Context, hk *hostKeyCheck) (*sshConn, error) {
	d := net.Dialer{Timeout: t.opts.ConnectTimeout}
	nc, err := d.DialContext(ctx, "tcp", sshAddr(t.opts.SSHHost))
	if err != nil {
		return nil, fmt.Errorf("connect to the tunnel server: %w", err)
	}
	_ = nc.SetDeadline(time.Now().Add(t.opts.ConnectTimeout))
	stop := context.AfterFunc(ctx, func() { _ = nc.Close() })
	defer stop()
	cfg := &ssh.ClientConfig{
		User:              sshUser,
		Auth:              authMethods(),
		HostKeyCallback:   hk.verify,
		HostKeyAlgorithms: hk.algorithms(),
		Timeout:           t.opts.ConnectTimeout,
	}
	c, chans, reqs, err := ssh.NewClientConn(nc, sshAddr(t.opts.SSHHost), cfg)
	if err != nil {
		_ = nc.Close()
		return nil, fmt.Errorf("ssh handshake with the tunnel server: %w", err)
	}
	_ = nc.SetDeadline(time.Time{})
	return &sshConn{Conn: c, chans: chans, reqs: reqs}, nil
}

// authMethods answers whatever a free localhost.run tunnel asks: nothing
// ("none" is always tried first), empty keyboard-interactive answers, or a
// throwaway key that identifies no one.
func authMethods() []ssh.AuthMethod {
	methods := []ssh.AuthMethod{
		ssh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
			return make([]string, len(questions)), nil
		}),
	}
	if _, key, err := ed25519.GenerateKey(rand.Reader); err == nil {
		if signer, err := ssh.NewSignerFromKey(key); err == nil {
			methods = append(methods, ssh.PublicKeys(signer))
		}
	}
	return methods
}

// sshAddr adds the SSH port to a host given without one.
func sshAddr(host string) string {
	if _, _, err := net.SplitHostPort(host); err != nil {
		return net.JoinHostPort(host, "22")
	}
	return host
}

// localDialAddr is where forwarded connections go: an unspecified listen
// host (all interfaces) is reached through loopback.
func localDialAddr(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("the webhook listener address %q is not host:port: %w", addr, err)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port), nil
}
