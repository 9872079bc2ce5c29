package service

import (
	"context"
	"errors"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/notify"
	"github.com/whoiscalling/whoiscalling/assets"
)

// startPopups registers the desktop notifier as a consumer of call
// changes and of settings. Without a notification service the app keeps
// working and says so once in the log.
func (s *Service) startPopups() {
	sender, err := notify.NewSender(assets.Icon, "")
	switch {
	case errors.Is(err, notify.ErrNoSessionBus):
		s.Logger.Info("no desktop session bus: popups are off (calls are still tracked)")
		return
	case sender == nil:
		s.Logger.Warn("popups are off", "err", err)
		return
	case err != nil:
		s.Logger.Warn("notifications will show without the app icon", "err", err)
	}
	n := notify.New(sender, notify.FromConfig(s.Current()), s.Logger)
	s.OnConfig(func(cfg config.Config) { n.SetConfig(notify.FromConfig(cfg)) })
	s.OnCall("popups", func(ctx context.Context, changes <-chan calls.Call) { n.Run(ctx, changes) })
}
