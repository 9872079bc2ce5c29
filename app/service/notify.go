package service

import (
	"context"
	"errors"
	"sync"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/notify"
	"github.com/whoiscalling/whoiscalling/assets"
)

// PopupAction is what the person clicked on a popup: its Key is one of
// PopupOpen, PopupCallBack, PopupAddContact (or a click on the body,
// which opens the call too).
type PopupAction = notify.Action

// The keys of PopupAction.
const (
	PopupOpen       = notify.ActionOpen
	PopupCallBack   = notify.ActionCallBack
	PopupAddContact = notify.ActionAddContact
)

type hooks struct {
	mu  sync.Mutex
	fns []func(PopupAction)
}

func (s *Service) hooks() *hooks { return &s.popupHooks }

// OnPopupAction registers fn for every click on a popup's action or
// body (the windows open the call, the contact form, or call back). fn
// runs on the notification listener's goroutine. Clicks where the
// desktop offers no actions (macOS, Windows) never come.
func (s *Service) OnPopupAction(fn func(PopupAction)) {
	h := s.hooks()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fns = append(h.fns, fn)
}

func (s *Service) popupClicked(a PopupAction) {
	h := s.hooks()
	h.mu.Lock()
	fns := append([]func(PopupAction){}, h.fns...)
	h.mu.Unlock()
	s.Logger.Debug("popup clicked", "action", a.Key, "call", a.CallID)
	for _, fn := range fns {
		fn(a)
	}
}

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
	if src, ok := sender.(notify.ActionSource); ok {
		src.OnAction(s.popupClicked)
	}
	n := notify.New(sender, notify.FromConfig(s.Current()), s.Logger)
	s.OnConfig(func(cfg config.Config) { n.SetConfig(notify.FromConfig(cfg)) })
	s.OnCall("popups", func(ctx context.Context, changes <-chan calls.Call) { n.Run(ctx, changes) })
}
