package contacts

import (
	"sync"
)

// progress reports an import to a callback as entries done of the
// entries in the file (the real count), about once per percent. Each
// entry is read (its numbers parsed), then the contacts are written;
// done is the mean of both phases, so it only grows, and it reaches the
// total when the import is committed.
type progress struct {
	mu            sync.Mutex
	fn            func(done, total int)
	total         int
	read, written int  // entries read; contacts written
	writes        int  // contacts the write phase writes
	planned       bool // writes is known
	last          int  // the percentage last reported
}

func newProgress(fn func(done, total int), total int) *progress {
	p := &progress{fn: fn, total: total, last: -1}
	p.step(func() {})
	return p
}

// readDone counts n entries read.
func (p *progress) readDone(n int) { p.step(func() { p.read += n }) }

// plan says how many contacts the write phase writes.
func (p *progress) plan(writes int) { p.step(func() { p.writes, p.planned = writes, true }) }

// add counts n contacts written.
func (p *progress) add(n int) { p.step(func() { p.written += n }) }

func (p *progress) step(change func()) {
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	change()
	d := p.done()
	if step := d * 100 / max(p.total, 1); step != p.last && d < p.total {
		p.last = step
		p.fn(d, p.total)
	}
}

// done is the entries done, counting each phase as half (the caller
// holds mu).
func (p *progress) done() int {
	w := 0
	if p.planned {
		w = p.total
		if p.writes > 0 {
			w = min(p.written, p.writes) * p.total / p.writes
		}
	}
	return (min(p.read, p.total) + w) / 2
}

// finish reports the end: every entry done.
func (p *progress) finish() {
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fn(p.total, p.total)
}
