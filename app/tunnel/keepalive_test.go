package tunnel

import (
	"github.com/whoiscalling/whoiscalling/app/tunnel/tunnelfake"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gate is a TCP relay to target that can stop passing bytes, as a
// connection does when a router forgets it or the laptop sleeps.
type gate struct {
	ln     net.Listener
	frozen atomic.Bool
	mu     sync.Mutex
	conns  []net.Conn
}

func startGate(t *testing.T, target string) *gate {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &gate{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				_ = c.Close()
				continue
			}
			g.mu.Lock()
			g.conns = append(g.conns, c, s)
			g.mu.Unlock()
			go g.relay(c, s)
			go g.relay(s, c)
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, c := range g.conns {
			_ = c.Close()
		}
	})
	return g
}

// relay copies from src to dst, holding the bytes while frozen.
func (g *gate) relay(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		for g.frozen.Load() {
			time.Sleep(5 * time.Millisecond)
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				_ = dst.Close()
			}
			return
		}
	}
}

func TestSilentServerIsDetected(t *testing.T) {
	app := echoApp(t)
	srv := tunnelfake.StartLHR(t, "127.0.0.1:0", tunnelfake.NewHostKey(t), "4f2a.lhr.life")
	g := startGate(t, srv.Addr())
	opts := lhrOptions(t, srv, app.URL, t.TempDir())
	opts.SSHHost = g.ln.Addr().String()
	opts.KeepAlive = 20 * time.Millisecond
	opts.ConnectTimeout = 2 * time.Second
	r := startTunnel(t, opts)
	r.nextURL(t)

	// Probes answered with "unsupported" keep the tunnel up.
	time.Sleep(100 * time.Millisecond)
	if _, ok := r.tun.State().(Up); !ok {
		t.Fatalf("State() while the server answers probes = %v, want up", r.tun.State())
	}

	r.drain()
	g.frozen.Store(true)
	s := r.waitState(t, func(s State) bool { _, ok := s.(Down); return ok })
	if err := s.(Down).Err; !strings.Contains(err.Error(), "stopped answering") {
		t.Errorf("Down.Err = %v, want the unanswered probe", err)
	}
	g.frozen.Store(false)
}
