package team

import (
	"sync"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// catchUp collects the missed calls merged after the start until the
// consumer has nothing pending, then reports them once.
type catchUp struct {
	mu     sync.Mutex
	done   bool
	missed []calls.Call
	fn     func([]calls.Call)
}

func (c *catchUp) add(call calls.Call) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.done && call.Status == calls.StatusMissed && call.DoneAt == nil {
		c.missed = append(c.missed, call)
	}
}

func (c *catchUp) finish() {
	c.mu.Lock()
	if c.done {
		c.mu.Unlock()
		return
	}
	c.done = true
	missed := c.missed
	c.missed = nil
	c.mu.Unlock()
	if c.fn != nil {
		c.fn(missed)
	}
}

// echoes remembers the newest version of each call merged from the team,
// so that the tracker's report of that merge is not published back. It
// forgets everything past a bound: a forgotten echo is only a harmless
// duplicate.
type echoes struct {
	mu sync.Mutex
	m  map[string]int64
}

const maxEchoes = 10000

func (e *echoes) note(key string, version int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.m == nil || len(e.m) >= maxEchoes {
		e.m = make(map[string]int64)
	}
	e.m[key] = max(e.m[key], version)
}

func (e *echoes) seen(key string, version int64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.m[key]
	return ok && version <= v
}
