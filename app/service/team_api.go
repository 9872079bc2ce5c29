package service

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/team"
)

// TeamStatus is team mode as this desk sees it, for the tray's status
// line and the Settings window. The zero value is team mode off.
type TeamStatus struct {
	// On: a team key is set (NATS_URL or NATS_LISTEN, perhaps badly).
	On bool
	// Running: this desk is in the team (connected or reconnecting).
	Running bool
	// StartErr is why team mode does not run, as one sentence: a bad
	// setting or an embedded server that cannot listen. The app works
	// alone meanwhile.
	StartErr error
	// Status is the team's connection, receivers and lag, refreshed
	// every few seconds; its Err is the latest connection problem.
	team.Status
}

// Problem is the one sentence to show, if any: why team mode does not
// run, or why NATS cannot be reached now.
func (t TeamStatus) Problem() error {
	if t.StartErr != nil {
		return t.StartErr
	}
	return t.Status.Err
}

// Team reports team mode from memory (it never waits on NATS).
func (s *Service) Team() TeamStatus {
	r := s.teamRunner()
	if r == nil {
		return TeamStatus{}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return TeamStatus{On: r.on, Running: r.tm != nil, StartErr: r.err, Status: r.status}
}

// TeamError is why team mode did not start with the current settings
// (nil when it runs or is off): `serve` exits with it, with code 2 for a
// bad setting (a *ConfigError).
func (s *Service) TeamError() error {
	return s.Team().StartErr
}

// OnTeamCatchUp registers fn to get, once per start of team mode, the
// missed calls (not done yet) that arrived from the team while this desk
// was away, when it has caught up: the "4 missed calls while you were
// away" popup. It runs on the team's goroutine: return quickly.
func (s *Service) OnTeamCatchUp(fn func(missed []calls.Call)) {
	if r := s.teamRunner(); r != nil {
		r.mu.Lock()
		r.catchUp = append(r.catchUp, fn)
		r.mu.Unlock()
	}
}

// ClaimCall says that by calls back the missed call id. In team mode the
// first claim in the team wins: a later one returns the call with the
// winner's claim and an error matching calls.ErrClaimed (a
// *team.ClaimedError naming who); team.ErrOffline while NATS cannot be
// reached. Without team mode the claim is recorded locally.
func (s *Service) ClaimCall(ctx context.Context, id int64, by string) (calls.Call, error) {
	c, err := s.Tracker.Get(ctx, id)
	if err != nil {
		return calls.Call{}, err
	}
	if tm := s.runningTeam(); tm != nil {
		return tm.ClaimCall(ctx, c, by)
	}
	return s.Tracker.Claim(ctx, id, by, time.Now())
}

// DoneCall says that the call back of call id is done; in team mode every
// desk learns it (from the outbox, so it also works while NATS is down).
func (s *Service) DoneCall(ctx context.Context, id int64) (calls.Call, error) {
	c, err := s.Tracker.Get(ctx, id)
	if err != nil {
		return calls.Call{}, err
	}
	if tm := s.runningTeam(); tm != nil {
		return tm.DoneCall(ctx, c)
	}
	return s.Tracker.Done(ctx, id, time.Now())
}

func (s *Service) runningTeam() *team.Team {
	if r := s.teamRunner(); r != nil {
		return r.current()
	}
	return nil
}
