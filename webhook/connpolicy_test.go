package webhook

import (
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"
)

// step moves connection conn (index in admission order) to state; closed
// means the server closed it.
type step struct {
	conn  int
	state http.ConnState
}

func TestConnLimitPicksVictim(t *testing.T) {
	const (
		nw, idle, act, closed = http.StateNew, http.StateIdle, http.StateActive, http.StateClosed
	)
	tests := []struct {
		name     string
		steps    []step
		victim   int // -1: none
		admitted bool
	}{
		{"all new: the oldest", nil, 0, true},
		{"idle the longest, not accepted first", []step{{1, idle}, {0, act}, {0, idle}, {2, idle}}, 1, true},
		{"idle before new", []step{{1, idle}, {2, act}}, 1, true},
		{"oldest new when none idle", []step{{0, act}}, 1, true},
		{"all active: newcomer refused", []step{{0, act}, {1, act}, {2, act}}, -1, false},
		{"a closed one frees its place", []step{{0, act}, {1, act}, {2, act}, {1, closed}}, -1, true},
		{"hijacked ones do not count", []step{{0, act}, {1, http.StateHijacked}, {2, act}}, -1, true},
	}
	for _, tt := range tests {
		l := newConnLimit(nil, 3, nil)
		var conns []*limitedConn
		for range 3 {
			lc, victim := l.admit(pipeConn(t))
			if lc == nil || victim != nil {
				t.Fatalf("%s: admit below the cap = %v, %v; want admitted, no victim", tt.name, lc, victim)
			}
			conns = append(conns, lc)
		}
		for _, s := range tt.steps {
			if s.state == closed {
				conns[s.conn].Close()
				continue
			}
			l.track(conns[s.conn], s.state)
		}
		lc, victim := l.admit(pipeConn(t))
		got := -1
		for i, c := range conns {
			if c == victim {
				got = i
			}
		}
		if got != tt.victim || (lc != nil) != tt.admitted || l.open() > 3 {
			t.Errorf("%s: admit = victim %d, admitted %v, %d open; want victim %d, admitted %v, at most 3",
				tt.name, got, lc != nil, l.open(), tt.victim, tt.admitted)
		}
	}
}

func pipeConn(t *testing.T) net.Conn {
	a, b := net.Pipe()
	t.Cleanup(func() { a.Close(); b.Close() })
	return a
}

// TestCapLogSummarises: a flood of evictions logs one line at its start
// and one with the count at the interval's end.
func TestCapLogSummarises(t *testing.T) {
	clk, logs := newFakeClock(), &captureHandler{}
	cl := &capLog{logger: slog.New(logs), clock: clk, max: 4}
	for range 500 {
		clk.Advance(time.Millisecond)
		cl.evicted()
	}
	clk.Advance(repeatInterval)
	lines := logs.all()
	if len(lines) != 2 || lines[0].count() != 1 || lines[1].count() != 499 || lines[1].attrs["max"].Int64() != 4 {
		t.Errorf("500 evictions logged %v, want 2 lines counting 1 and 499", lines)
	}
}
