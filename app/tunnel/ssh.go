package tunnel

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// errNoURL: connected, but the server announced no public URL in time.
var errNoURL = errors.New("the tunnel server announced no public URL")

// sshAttempt is one localhost.run connection: handshake, port forward,
// session; it returns when the connection is gone.
func (t *Tunnel) sshAttempt(ctx context.Context, up func(string)) error {
	local, err := localDialAddr(t.opts.LocalAddr)
	if err != nil {
		return fatal(err)
	}
	hk, err := t.hostKeyCheck()
	if err != nil {
		return err
	}
	c, err := t.dialSSH(ctx, hk)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	defer c.Close()
	wg.Go(func() { ssh.DiscardRequests(c.reqs) })
	wg.Go(func() { t.serveForwards(ctx, c.chans, local) })
	session, err := t.setUp(c)
	if err != nil {
		return err
	}
	urls := make(chan string)
	wg.Go(func() { t.readURLs(ctx, session, urls) })
	wg.Go(func() { logLines(t.opts.Logger, session.Stderr()) })
	return t.watchConn(ctx, c, urls, up)
}

// errSetupTimeout: the server took the connection but not the requests.
var errSetupTimeout = errors.New("the tunnel server did not set up the tunnel in time")

// setUp asks for the port forward and opens the session, within
// ConnectTimeout: a server that stops answering has c closed.
func (t *Tunnel) setUp(c ssh.Conn) (ssh.Channel, error) {
	timer := time.AfterFunc(t.opts.ConnectTimeout, func() { _ = c.Close() })
	err := requestForward(c)
	var session ssh.Channel
	if err == nil {
		session, err = t.startSession(c)
	}
	if !timer.Stop() {
		return nil, errSetupTimeout
	}
	return session, err
}

// watchConn reports the URLs the session announces, probes the connection
// while it idles, and returns why it ended.
func (t *Tunnel) watchConn(ctx context.Context, c ssh.Conn, urls <-chan string, up func(string)) error {
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	noURL := time.NewTimer(t.opts.ConnectTimeout)
	defer noURL.Stop()
	probe := time.NewTicker(t.opts.KeepAlive)
	defer probe.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-closed:
			return fmt.Errorf("the tunnel server closed the connection: %w", err)
		case url := <-urls:
			noURL.Stop()
			up(url)
		case <-noURL.C:
			return errNoURL
		case <-probe.C:
			if err := t.keepAlive(c); err != nil {
				return err
			}
		}
	}
}

// keepAlive sends one keepalive request and waits ConnectTimeout for the
// answer (any answer, even "unsupported", proves the server is there).
func (t *Tunnel) keepAlive(c ssh.Conn) error {
	answered := make(chan error, 1)
	go func() {
		_, _, err := c.SendRequest("keepalive@openssh.com", true, nil)
		answered <- err
	}()
	timer := time.NewTimer(t.opts.ConnectTimeout)
	defer timer.Stop()
	select {
	case err := <-answered:
		if err != nil {
			return fmt.Errorf("the tunnel connection dropped: %w", err)
		}
		return nil
	case <-timer.C:
		return errors.New("the tunnel server stopped answering")
	}
}
