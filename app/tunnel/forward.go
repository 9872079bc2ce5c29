package tunnel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"

	"golang.org/x/crypto/ssh"
)

// forwardRequest is the tcpip-forward payload (RFC 4254 §7.1). Like
// `ssh -R 80:…`, it asks for port 80 on "localhost": localhost.run then
// serves the free domain over http and https.
type forwardRequest struct {
	Addr string
	Port uint32
}

// forwardedChannel is the forwarded-tcpip open payload (RFC 4254 §7.2).
type forwardedChannel struct {
	Addr       string
	Port       uint32
	OriginAddr string
	OriginPort uint32
}

// requestForward asks the server to forward its public port to us.
func requestForward(c ssh.Conn) error {
	ok, _, err := c.SendRequest("tcpip-forward", true, ssh.Marshal(forwardRequest{Addr: "localhost", Port: 80}))
	if err != nil {
		return fmt.Errorf("ask the tunnel server to forward port 80: %w", err)
	}
	if !ok {
		return errors.New("the tunnel server refused to forward port 80")
	}
	return nil
}

// serveForwards pipes each forwarded-tcpip channel to a new connection to
// local, until chans closes and every pipe has ended. Pipes are cut when
// ctx ends.
func (t *Tunnel) serveForwards(ctx context.Context, chans <-chan ssh.NewChannel, local string) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for nc := range chans {
		if nc.ChannelType() != "forwarded-tcpip" {
			_ = nc.Reject(ssh.UnknownChannelType, "only forwarded-tcpip is accepted")
			continue
		}
		var fc forwardedChannel
		if err := ssh.Unmarshal(nc.ExtraData(), &fc); err != nil {
			_ = nc.Reject(ssh.ConnectionFailed, "bad forwarded-tcpip payload")
			continue
		}
		t.opts.Logger.Debug("tunnel connection", "from", net.JoinHostPort(fc.OriginAddr, fmt.Sprint(fc.OriginPort)))
		wg.Go(func() { t.pipe(ctx, nc, local) })
	}
}

// pipe connects one forwarded channel to the local listener and copies
// both ways: the request's end half-closes the local side, the answer's
// end closes both.
func (t *Tunnel) pipe(ctx context.Context, nc ssh.NewChannel, local string) {
	var d net.Dialer
	lc, err := d.DialContext(ctx, "tcp", local)
	if err != nil {
		t.opts.Logger.Warn("tunnel cannot reach the webhook listener", "addr", local, "err", err)
		_ = nc.Reject(ssh.ConnectionFailed, "the local listener does not answer")
		return
	}
	ch, reqs, err := nc.Accept()
	if err != nil {
		_ = lc.Close()
		return
	}
	go ssh.DiscardRequests(reqs)
	closeBoth := func() { _ = ch.Close(); _ = lc.Close() }
	stop := context.AfterFunc(ctx, closeBoth)
	defer stop()
	request := make(chan struct{})
	go func() {
		defer close(request)
		_, _ = io.Copy(lc, ch)
		if tc, ok := lc.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
	}()
	_, _ = io.Copy(ch, lc)
	closeBoth()
	<-request
}
