package service

import (
	"context"
)

// followBlocks carries blocks made in the book (in a window, by a command
// or by another desk of the team) to sipgate's incoming block list while
// an account is connected, so a block holds while the desktop is off.
func (s *Service) followBlocks(ctx context.Context) {
	if s.Ready() != nil {
		return
	}
	kick := make(chan struct{}, 1)
	s.Book.OnChange(func() {
		select {
		case kick <- struct{}{}:
		default:
		}
	})
	before := s.Book.BlockedNumbers()
	for {
		select {
		case <-ctx.Done():
			return
		case <-kick:
		}
		if _, err := s.sipgateClient(); err != nil {
			continue // not connected: nothing to carry, and nothing to remember
		}
		now := s.Book.BlockedNumbers()
		for n := range now {
			if !before[n] {
				s.carryBlock(ctx, n, true)
			}
		}
		for n := range before {
			if !now[n] {
				s.carryBlock(ctx, n, false)
			}
		}
		before = now
	}
}

func (s *Service) carryBlock(ctx context.Context, e164 string, block bool) {
	if err := s.BlockAtSipgate(ctx, e164, block); err != nil {
		s.Logger.Warn("could not change sipgate's block list", "block", block, "err", err)
		s.Logger.Debug("sipgate block list", "number", e164)
	}
}
