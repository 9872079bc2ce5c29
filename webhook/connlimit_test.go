package webhook

import (
	"bufio"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startServer serves h on loopback with a connection cap of maxOpen.
func startServer(t *testing.T, h http.Handler, logger *slog.Logger, maxOpen int) *Server {
	t.Helper()
	s, err := listen("127.0.0.1:0", h, logger, maxOpen)
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve()
	t.Cleanup(func() { s.Shutdown(context.Background()) })
	return s
}

// idleConn makes one keep-alive request on a raw connection, reads the
// answer and leaves the connection open.
func idleConn(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := io.WriteString(c, "GET /sipgate HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("keep-alive request: %v", err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed || res.Close {
		t.Fatalf("keep-alive GET = %d, close=%v; want 405 on an open connection", res.StatusCode, res.Close)
	}
	return c
}

// waitIdle waits until the server has marked n connections idle: the
// response reaches the client just before the server's state change.
func waitIdle(t *testing.T, l *connLimit, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); l.count(http.StateIdle) != n; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("server has %d idle connections, want %d", l.count(http.StateIdle), n)
		}
	}
}

// isClosed reads from c: the server closed it when the read ends in EOF.
// The deadline only guards against a hang.
func isClosed(c net.Conn) bool {
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := c.Read(make([]byte, 1))
	var ne net.Error
	return err != nil && !(errors.As(err, &ne) && ne.Timeout())
}

// TestIdleConnectionsDoNotBlockPushes: more idle keep-alive connections
// than the cap, then a good push still gets 200, the longest idle
// connections were closed, and no more than the cap stay open.
func TestIdleConnectionsDoNotBlockPushes(t *testing.T) {
	const maxOpen, idle = 4, 12
	h, _ := newTestHandler(nil)
	s := startServer(t, h, nil, maxOpen)
	conns := make([]net.Conn, idle)
	for i := range conns {
		conns[i] = idleConn(t, s.Addr())
		waitIdle(t, s.lim, min(i+1, maxOpen))
	}
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	roundTripWith(t, client, "http://"+s.Addr())
	for i, c := range conns[:idle-maxOpen+1] {
		if !isClosed(c) {
			t.Errorf("idle connection %d of %d still open, want the %d oldest closed", i, idle, idle-maxOpen+1)
		}
	}
	if n := s.lim.open(); n > maxOpen {
		t.Errorf("server holds %d connections, want at most %d", n, maxOpen)
	}
}

// TestBusyServerRefusesNewcomer: at the cap with every connection in a
// request, a new connection is closed at once; once a request ends, a new
// one is served.
func TestBusyServerRefusesNewcomer(t *testing.T) {
	release, entered := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	})
	s := startServer(t, slow, nil, 1)
	first := make(chan error, 1)
	go func() {
		res, err := (&http.Client{Transport: &http.Transport{}}).Get("http://" + s.Addr())
		if err == nil {
			res.Body.Close()
		}
		first <- err
	}()
	<-entered
	c, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if !isClosed(c) {
		t.Errorf("connection beyond the cap while busy was served, want it closed")
	}
	close(release)
	if err := <-first; err != nil {
		t.Errorf("request in flight = %v, want it served", err)
	}
}

// roundTripWith is roundTrip with a client of the test's own.
func roundTripWith(t *testing.T, client *http.Client, baseURL string) {
	t.Helper()
	v01 := vectorByID(t, "V01")
	req, _ := http.NewRequest(http.MethodPost, baseURL+"/sipgate", strings.NewReader(v01.Body))
	req.Header.Set("Content-Type", formCT+"; charset=UTF-8")
	req.Header.Set(SignatureHeader, v01.Signature)
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("good POST: %v", err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != subscribe {
		t.Errorf("good POST = %d %q, want 200 %q", res.StatusCode, body, subscribe)
	}
}

// open is how many connections are counted.
func (l *connLimit) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

// count is how many connections are in state s.
func (l *connLimit) count(s http.ConnState) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for c := range l.conns {
		if c.state == s {
			n++
		}
	}
	return n
}
