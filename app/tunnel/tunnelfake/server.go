// Package tunnelfake is a localhost.run stand-in for tests: an SSH server
// on loopback that grants tcpip-forward for port 80, announces a public
// URL the way localhost.run does, and forwards the connections made to
// its public listener to the client.
package tunnelfake

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
)

// Server is a localhost.run stand-in on loopback: an SSH server that
// accepts anyone, grants tcpip-forward for port 80, announces a URL on the
// session, and forwards each connection to its public listener (the
// internet side) as a forwarded-tcpip channel.
type Server struct {
	t      testing.TB
	host   string // the announced domain, e.g. first.lhr.life
	mode   Behaviour
	cfg    *ssh.ServerConfig
	ln     net.Listener
	public net.Listener

	mu      sync.Mutex
	conns   []net.Conn
	forward ssh.Conn // the connection that asked for port 80
	wg      sync.WaitGroup
}

// NewHostKey makes an SSH host key.
func NewHostKey(t testing.TB) ssh.Signer {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// Behaviour is how the fake answers: what it prints on the session, or
// whether it answers at all.
type Behaviour int

const (
	// AsAsked: JSON events for exec "--output json", else text.
	AsAsked Behaviour = iota
	// TextOnly: the text banner whatever was asked, as an older server.
	TextOnly
	// Silent: no URL at all.
	Silent
	// Stuck: never answers the tcpip-forward request.
	Stuck
)

// StartLHR serves on addr ("127.0.0.1:0" for any port) with key,
// announcing https://host.
func StartLHR(t testing.TB, addr string, key ssh.Signer, host string) *Server {
	t.Helper()
	return Start(t, addr, key, host, AsAsked)
}

// Start is StartLHR with a choice of behaviour.
func Start(t testing.TB, addr string, key ssh.Signer, host string, mode Behaviour) *Server {
	t.Helper()
	cfg := &ssh.ServerConfig{NoClientAuth: true}
	cfg.AddHostKey(key)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("fake localhost.run: listen %s: %v", addr, err)
	}
	public, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{t: t, host: host, mode: mode, cfg: cfg, ln: ln, public: public}
	s.wg.Go(s.acceptSSH)
	s.wg.Go(s.acceptPublic)
	t.Cleanup(s.Close)
	return s
}

// Addr is the SSH address, for TUNNEL_SSH_HOST.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// PublicAddr is the internet side: connections there reach the client.
func (s *Server) PublicAddr() string { return s.public.Addr().String() }

// Close stops the server as a restart or crash would: every connection
// drops.
func (s *Server) Close() {
	_ = s.ln.Close()
	_ = s.public.Close()
	s.mu.Lock()
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// track remembers c so that Close can cut it.
func (s *Server) track(c net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conns = append(s.conns, c)
}

func (s *Server) acceptSSH() {
	for {
		nc, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.track(nc)
		s.wg.Go(func() { s.serveSSH(nc) })
	}
}

func (s *Server) serveSSH(nc net.Conn) {
	conn, chans, reqs, err := ssh.NewServerConn(nc, s.cfg)
	if err != nil {
		_ = nc.Close()
		return
	}
	defer conn.Close()
	s.wg.Go(func() { s.globalRequests(conn, reqs) })
	for ch := range chans {
		if ch.ChannelType() != "session" {
			_ = ch.Reject(ssh.UnknownChannelType, "sessions only")
			continue
		}
		s.wg.Go(func() { s.session(ch) })
	}
}

// globalRequests grants tcpip-forward for localhost:80 and refuses the rest.
func (s *Server) globalRequests(conn ssh.Conn, reqs <-chan *ssh.Request) {
	for req := range reqs {
		if s.mode == Stuck {
			continue
		}
		var fr forwardRequest
		ok := req.Type == "tcpip-forward" && ssh.Unmarshal(req.Payload, &fr) == nil &&
			fr.Addr == "localhost" && fr.Port == 80
		if ok {
			s.mu.Lock()
			s.forward = conn
			s.mu.Unlock()
		}
		if req.WantReply {
			_ = req.Reply(ok, nil)
		}
	}
}

// session answers exec "--output json" with JSON events and anything else
// (a shell) with the text banner, then stays open.
func (s *Server) session(nc ssh.NewChannel) {
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	defer ch.Close()
	for req := range reqs {
		var cmd struct{ Command string }
		isExec := req.Type == "exec" && ssh.Unmarshal(req.Payload, &cmd) == nil
		if req.WantReply {
			_ = req.Reply(req.Type == "exec" || req.Type == "shell" || req.Type == "pty-req", nil)
		}
		switch {
		case s.mode == Silent:
		case isExec && cmd.Command == "--output json" && s.mode == AsAsked:
			_, _ = io.WriteString(ch, jsonBanner(s.host))
		case isExec || req.Type == "shell":
			_, _ = io.WriteString(ch, textBanner(s.host))
		}
	}
}

// acceptPublic forwards each internet-side connection to the client.
func (s *Server) acceptPublic() {
	for {
		pc, err := s.public.Accept()
		if err != nil {
			return
		}
		s.track(pc)
		s.wg.Go(func() { s.forwardConn(pc) })
	}
}

func (s *Server) forwardConn(pc net.Conn) {
	defer pc.Close()
	s.mu.Lock()
	conn := s.forward
	s.mu.Unlock()
	if conn == nil {
		return
	}
	host, port, _ := net.SplitHostPort(pc.RemoteAddr().String())
	p, _ := strconv.Atoi(port)
	payload := ssh.Marshal(forwardedChannel{Addr: "localhost", Port: 80, OriginAddr: host, OriginPort: uint32(p)})
	ch, reqs, err := conn.OpenChannel("forwarded-tcpip", payload)
	if err != nil {
		return
	}
	go ssh.DiscardRequests(reqs)
	defer ch.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = io.Copy(ch, pc)
		_ = ch.CloseWrite()
	}()
	_, _ = io.Copy(pc, ch)
	_ = pc.Close()
	<-done
}

// textBanner is localhost.run's text output, the tunnel line as quoted in
// app/tunnel/testdata/localhost.run.txt.
func textBanner(host string) string {
	return "\r\n===============================================================================\r\n" +
		"Welcome to localhost.run!\r\n\r\n" +
		"Follow your favourite reverse tunnel at [https://twitter.com/localhost_run].\r\n\r\n" +
		"To set up and manage custom domains go to https://admin.localhost.run/\r\n\r\n" +
		fmt.Sprintf("%s tunneled with tls termination, https://%s\r\n", host, host)
}

// jsonBanner is localhost.run's --output json events.
func jsonBanner(host string) string {
	return `{"connection_id":"c0ffee","event":"authn","message":"authenticated as anonymous user","status":"success"}` + "\n" +
		fmt.Sprintf(`{"address":"%[1]s","connection_id":"c0ffee","event":"tcpip-forward","listen_host":"%[1]s",`+
			`"message":"%[1]s tunneled with tls termination, https://%[1]s","status":"success","tls_termination":true}`, host) + "\n"
}

// forwardRequest is the payload of a tcpip-forward request (RFC 4254 7.1).
type forwardRequest struct {
	Addr string
	Port uint32
}

// forwardedChannel is the payload of a forwarded-tcpip channel (RFC 4254 7.2).
type forwardedChannel struct {
	Addr       string
	Port       uint32
	OriginAddr string
	OriginPort uint32
}
