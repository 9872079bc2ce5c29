package contacts

import (
	"sync"
)

// progress reports steps to a callback about once per percent.
type progress struct {
	mu          sync.Mutex
	fn          func(done, total int)
	total, done int
	last        int
}

func newProgress(fn func(done, total int), total int) *progress {
	p := &progress{fn: fn, total: total, last: -1}
	p.add(0)
	return p
}

func (p *progress) add(n int) {
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if step := p.done * 100 / max(p.total, 1); step != p.last || p.done == p.total {
		p.last = step
		p.fn(p.done, p.total)
	}
}

func (p *progress) finish() {
	if p.fn == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done != p.total {
		p.done = p.total
		p.fn(p.done, p.total)
	}
}
