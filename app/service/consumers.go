package service

import (
	"context"
	"sync"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
)

// CallConsumer follows call changes until ctx ends or changes is closed.
// A slow consumer slows nothing: the changes of one call it has not read
// yet collapse into that call's latest state.
type CallConsumer func(ctx context.Context, changes <-chan calls.Call)

// consumers are the parts of the app that follow the service: call
// changes each through a subscription of their own, and configuration
// changes through callbacks run after every save.
type consumers struct {
	mu      sync.Mutex
	ctx     context.Context
	cancel  context.CancelFunc
	started bool
	stopped bool
	pending []namedConsumer
	running sync.WaitGroup
	config  []func(config.Config)
}

type namedConsumer struct {
	name string
	run  CallConsumer
}

func (c *consumers) init() {
	c.ctx, c.cancel = context.WithCancel(context.Background())
}

// OnCall registers a consumer of call changes. One registered before Run
// starts with Run; later ones start at once. name is for the log.
func (s *Service) OnCall(name string, run CallConsumer) {
	s.consumers.mu.Lock()
	defer s.consumers.mu.Unlock()
	if s.consumers.stopped {
		return
	}
	nc := namedConsumer{name, run}
	if !s.consumers.started {
		s.consumers.pending = append(s.consumers.pending, nc)
		return
	}
	s.consumers.launch(s.Tracker, nc)
}

// OnConfig registers fn to run after every applied configuration change,
// on the goroutine that saved it.
func (s *Service) OnConfig(fn func(config.Config)) {
	s.consumers.mu.Lock()
	defer s.consumers.mu.Unlock()
	s.consumers.config = append(s.consumers.config, fn)
}

func (s *Service) configChanged(cfg config.Config) {
	s.consumers.mu.Lock()
	fns := append([]func(config.Config){}, s.consumers.config...)
	s.consumers.mu.Unlock()
	for _, fn := range fns {
		fn(cfg)
	}
}

// start launches the consumers registered so far; ctx ending stops them
// as Close does.
func (c *consumers) start(ctx context.Context, t *calls.Tracker) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.started || c.stopped {
		return
	}
	c.started = true
	go func() {
		select {
		case <-ctx.Done():
			c.cancel()
		case <-c.ctx.Done():
		}
	}()
	for _, nc := range c.pending {
		c.launch(t, nc)
	}
	c.pending = nil
}

func (c *consumers) launch(t *calls.Tracker, nc namedConsumer) {
	sub := t.Subscribe(256)
	c.running.Add(1)
	go func() {
		defer c.running.Done()
		defer sub.Close()
		nc.run(c.ctx, sub.C())
	}()
}

// goRun runs fn in the background until the consumers stop.
func (c *consumers) goRun(fn func(ctx context.Context)) {
	c.running.Add(1)
	go func() {
		defer c.running.Done()
		fn(c.ctx)
	}()
}

// stop ends every consumer and waits for them.
func (c *consumers) stop() {
	c.mu.Lock()
	c.stopped = true
	c.mu.Unlock()
	c.cancel()
	c.running.Wait()
}
