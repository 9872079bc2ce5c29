package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/team"
)

// teamConfig reads the team settings of cfg, the token from wherever
// Secret finds it. ok is false when team mode is off.
func teamConfig(cfg config.Config) (tc team.Config, ok bool, err error) {
	token, err := Secret(cfg, config.KeyNATSToken)
	if err != nil {
		return team.Config{}, true, fmt.Errorf("team mode: cannot read %s: %w", config.KeyNATSToken, err)
	}
	tc, err = team.ParseConfig(func(k string) string {
		if k == config.KeyNATSToken {
			return token
		}
		return cfg.TeamGetenv(k)
	})
	if err != nil {
		return team.Config{}, true, teamSentence(err)
	}
	return tc, tc.Enabled(), nil
}

// teamSentence is what a person reads for a team error: the cause and
// the fix. A bad setting is a *ConfigError (serve exits with 2).
func teamSentence(err error) error {
	var (
		ce *team.ConfigError
		le *team.ListenError
	)
	switch {
	case errors.As(err, &ce) && ce.Value != "":
		return &ConfigError{fmt.Errorf("team mode is off: %s=%q is not usable (%v); fix it in Settings or the environment", ce.Key, ce.Value, ce.Err)}
	case errors.As(err, &ce):
		return &ConfigError{fmt.Errorf("team mode is off: %s is not usable (%v); fix it in Settings or the environment", ce.Key, ce.Err)}
	case errors.As(err, &le):
		return fmt.Errorf("team mode is off: the embedded NATS server cannot listen on %s (%v); choose another %s port", le.Addr, le.Err, config.KeyNATSListen)
	}
	return fmt.Errorf("team mode is off: %w", err)
}

// decide notes whether team mode is configured and valid, so forward
// keeps the changes for the team that is about to start.
func (r *teamRunner) decide(cfg config.Config) {
	_, ok, err := teamConfig(cfg)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on, r.wanted = ok, ok && err == nil
}

// apply starts, restarts or stops the team for cfg; it does nothing when
// the team settings did not change.
func (r *teamRunner) apply(cfg config.Config) {
	tc, ok, err := teamConfig(cfg)
	receiver := cfg.PublicURL != "" || cfg.Tunnel != config.TunnelOff || tc.Listen != ""
	fp := fmt.Sprintf("%v|%v|%v|%v|%s", ok, err, receiver, tc, cfg.DataDir)
	r.mu.Lock()
	same := r.running == fp
	r.mu.Unlock()
	if same {
		return
	}
	r.stop()
	var tm *team.Team
	if ok && err == nil {
		tm, err = team.Start(r.options(cfg, tc, receiver))
		if err != nil {
			err = teamSentence(err)
		}
	}
	if err != nil {
		r.s.Logger.Error(err.Error())
	}
	r.mu.Lock()
	r.tm, r.running, r.on, r.wanted, r.err = tm, fp, ok, tm != nil, err
	r.mu.Unlock()
	if tm != nil {
		r.s.Logger.Info("team mode on", "team", tc.Team, "instance", tm.InstanceID(), "receiver", receiver)
		r.refresh(context.Background())
	}
}

func (r *teamRunner) options(cfg config.Config, tc team.Config, receiver bool) team.Options {
	return team.Options{Config: tc, DataDir: cfg.DataDir, Tracker: r.s.Tracker, History: r.s.Tracker,
		Changes: r.relay, Receiver: receiver, Logger: r.s.Logger, OnCatchUp: r.caughtUp,
		OnBlocked: r.blocks.fromTeam}
}

// stop leaves the team, if one runs.
func (r *teamRunner) stop() {
	r.mu.Lock()
	tm := r.tm
	r.tm, r.running, r.status = nil, "", team.Status{}
	r.mu.Unlock()
	if tm == nil {
		return
	}
	if err := tm.Close(); err != nil {
		r.s.Logger.Warn("team: closing the outbox failed", "err", err)
	}
}

// refresh caches the team's status for Team.
func (r *teamRunner) refresh(ctx context.Context) {
	tm := r.current()
	if tm == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	st := tm.Status(ctx)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tm == tm {
		r.status = st
	}
}

// TeamConfig is the team configuration of cfg with the token from
// wherever Secret finds it, for `whoiscalling team status`; on is false
// when team mode is off. A bad setting is a *ConfigError sentence.
func TeamConfig(cfg config.Config) (tc team.Config, on bool, err error) {
	return teamConfig(cfg)
}
