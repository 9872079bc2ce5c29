package service

import (
	"context"
	"sync"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/team"
)

// teamRunner owns this desk's membership in the team: it starts it,
// restarts it when the team settings change, and stops it with the
// service. One goroutine (run) does all starts after the first.
type teamRunner struct {
	s *Service
	// relay carries the tracker's changes to whichever team runs; it
	// outlives restarts, so none waits in a closed team.
	relay  chan calls.Call
	kick   chan struct{}
	blocks *blockSync

	mu      sync.Mutex
	tm      *team.Team
	running string // fingerprint of the settings tm runs with
	wanted  bool   // team mode is configured and valid
	on      bool   // team mode is configured (perhaps badly)
	err     error  // why it does not run, as one sentence
	status  team.Status
	catchUp []func([]calls.Call)
}

// statusEvery is how often the cached team status is refreshed.
const statusEvery = 5 * time.Second

// startTeam starts team mode when it is configured, and follows the
// settings: a change of a team key restarts it. A bad setting is logged
// and reported by TeamStatus; the app keeps working alone.
func (s *Service) startTeam(ctx context.Context) {
	r := &teamRunner{s: s, relay: make(chan calls.Call, 256), kick: make(chan struct{}, 1)}
	r.blocks = newBlockSync(r)
	s.team.Store(r)
	r.catchUp = append(r.catchUp, func(missed []calls.Call) {
		if len(missed) > 0 {
			s.notice(Notice{Key: "away-team", Title: i18n.Away(len(missed)), Body: awayBody(missed, s.Region())})
		}
	})
	r.decide(s.Current())
	s.OnCall("team", r.forward)
	r.apply(s.Current())
	s.OnConfig(func(config.Config) {
		select {
		case r.kick <- struct{}{}:
		default:
		}
	})
	s.consumers.goRun(r.run)
	s.consumers.goRun(r.blocks.run)
}

func (s *Service) teamRunner() *teamRunner { return s.team.Load() }

// run applies new settings and refreshes the status until ctx ends, then
// leaves the team.
func (r *teamRunner) run(ctx context.Context) {
	tick := time.NewTicker(statusEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			r.stop()
			return
		case <-r.kick:
			r.apply(r.s.Current())
		case <-tick.C:
			r.refresh(ctx)
		}
	}
}

// forward hands the tracker's changes to the team while team mode is
// wanted; a team that is still connecting takes them from the relay.
func (r *teamRunner) forward(ctx context.Context, changes <-chan calls.Call) {
	for {
		var c calls.Call
		var ok bool
		select {
		case c, ok = <-changes:
		case <-ctx.Done():
			return
		}
		if !ok {
			return
		}
		r.mu.Lock()
		wanted := r.wanted
		r.mu.Unlock()
		if !wanted {
			continue
		}
		select {
		case r.relay <- c:
		case <-ctx.Done():
			return
		}
	}
}

// current is the running team, or nil.
func (r *teamRunner) current() *team.Team {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tm
}

func (r *teamRunner) caughtUp(missed []calls.Call) {
	r.s.Logger.Info("team: caught up with the calls of the team", "missed_while_away", len(missed))
	r.mu.Lock()
	fns := append([]func([]calls.Call){}, r.catchUp...)
	r.mu.Unlock()
	for _, fn := range fns {
		fn(missed)
	}
}
