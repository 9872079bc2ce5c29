package webhook

import (
	"net"
	"net/http"
	"sync"
)

// maxConns caps the open webhook connections. sipgate sends one push per
// request, so a handful is plenty; the cap keeps a flood of idle
// keep-alive connections from using up the process's file descriptors.
const maxConns = 1024

// connLimit is a net.Listener that keeps at most max connections open.
// When a connection arrives at the cap it closes the one idle the longest,
// or, if none is idle, the oldest still waiting for its first request, so
// a real push gets through a flood of idle ones. Only when every
// connection is serving a request is the newcomer closed at once.
// Connection states come from http.Server.ConnState (track).
type connLimit struct {
	net.Listener
	max     int
	evicted func() // called after each connection closed for the cap

	mu    sync.Mutex
	conns map[*limitedConn]struct{}
	seq   uint64 // orders state changes: lower is older
}

// limitedConn is a connection counted by a connLimit. state and seq are
// guarded by the limit's mutex.
type limitedConn struct {
	net.Conn
	lim   *connLimit
	state http.ConnState
	seq   uint64
	once  sync.Once
}

func newConnLimit(ln net.Listener, maxOpen int, evicted func()) *connLimit {
	return &connLimit{Listener: ln, max: maxOpen, evicted: evicted, conns: make(map[*limitedConn]struct{})}
}

// Accept waits for a connection and makes room for it.
func (l *connLimit) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		lc, victim := l.admit(c)
		if victim != nil {
			_ = victim.Conn.Close()
			l.evicted()
		}
		if lc != nil {
			return lc, nil
		}
		_ = c.Close()
		l.evicted()
	}
}

// admit registers c, picking a connection to close when at the cap. It
// returns a nil conn when nothing could make room.
func (l *connLimit) admit(c net.Conn) (lc, victim *limitedConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.conns) >= l.max {
		if victim = l.oldestLocked(); victim == nil {
			return nil, nil
		}
		delete(l.conns, victim)
	}
	l.seq++
	lc = &limitedConn{Conn: c, lim: l, state: http.StateNew, seq: l.seq}
	l.conns[lc] = struct{}{}
	return lc, victim
}

// oldestLocked returns the connection idle the longest, else the oldest
// new one, else nil.
func (l *connLimit) oldestLocked() *limitedConn {
	var idle, fresh *limitedConn
	for c := range l.conns {
		switch {
		case c.state == http.StateIdle && (idle == nil || c.seq < idle.seq):
			idle = c
		case c.state == http.StateNew && (fresh == nil || c.seq < fresh.seq):
			fresh = c
		}
	}
	if idle != nil {
		return idle
	}
	return fresh
}

// track is the http.Server's ConnState hook.
func (l *connLimit) track(c net.Conn, s http.ConnState) {
	lc, ok := c.(*limitedConn)
	if !ok {
		return
	}
	if s == http.StateClosed || s == http.StateHijacked {
		lc.forget()
		return
	}
	l.mu.Lock()
	l.seq++
	lc.state, lc.seq = s, l.seq
	l.mu.Unlock()
}

// Close closes the connection and frees its place.
func (c *limitedConn) Close() error {
	c.forget()
	return c.Conn.Close()
}

func (c *limitedConn) forget() {
	c.once.Do(func() {
		c.lim.mu.Lock()
		delete(c.lim.conns, c)
		c.lim.mu.Unlock()
	})
}
