package service

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
)

// runCardDAV is the background sync's loop: it syncs at start, when
// the interval is up, on "Sync now", and when the CardDAV settings
// changed (a save of other settings changes nothing here).
func (s *Service) runCardDAV(ctx context.Context, r *cardDAVRunner) {
	var used config.CardDAV
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for synced := false; ; {
		cfg := s.Current()
		if !synced || cfg.CardDAV != used {
			used = cfg.CardDAV
			s.syncCardDAV(ctx, r, cfg)
			if timer != nil {
				timer.Stop()
			}
			timer = nil
			if used.Enabled() && used.SyncInterval > 0 {
				timer = time.NewTimer(used.SyncInterval)
			}
		}
		synced = true
		select {
		case <-ctx.Done():
			return
		case <-tick(timer):
			synced = false
		case <-r.now:
			synced = false
		case <-r.changed:
		}
	}
}

// tick is the timer's channel, or nil (never) without a timer.
func tick(t *time.Timer) <-chan time.Time {
	if t == nil {
		return nil
	}
	return t.C
}

// syncCardDAV syncs once and keeps the outcome for CardDAVStatus.
func (s *Service) syncCardDAV(ctx context.Context, r *cardDAVRunner, cfg config.Config) {
	if !cfg.CardDAV.Enabled() {
		r.mu.Lock()
		r.status = CardDAVStatus{}
		r.mu.Unlock()
		return
	}
	r.mu.Lock()
	r.status.Enabled, r.status.Running = true, true
	r.mu.Unlock()
	res, err := CardDAVSync(ctx, cfg, s.Book, s.Logger)
	if ctx.Err() != nil {
		return // closing: not a failure worth telling
	}
	r.mu.Lock()
	r.status = CardDAVStatus{Enabled: true, LastSync: time.Now(), Result: res, Err: err}
	r.mu.Unlock()
	if err != nil {
		s.Logger.Warn("CardDAV sync failed", "err", err)
		return
	}
	s.Logger.Info("CardDAV synced", "books", len(res.AddressBooks), "cards", res.Cards, "fetched", res.Fetched,
		"added", res.Imported, "updated", res.Updated, "removed", res.Removed, "unchanged", res.Unchanged, "skipped", res.Skipped)
}
