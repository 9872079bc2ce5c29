package service

import (
	"html"
	"sync"

	"github.com/whoiscalling/whoiscalling/app/notify"
	"github.com/whoiscalling/whoiscalling/assets"
)

// Notice is a message about the app itself rather than one call: calls
// while the app was off, a broken path from sipgate, a tunnel that
// changed. Key names the condition: a notice is shown once per key until
// the condition clears (ClearNotice).
type Notice struct {
	Key   string
	Title string
	// Body is plain text.
	Body string
}

// notices shows each condition once, as a popup when popups are on and
// to every registered listener (the window's banner).
type notices struct {
	mu        sync.Mutex
	shown     map[string]bool
	listeners []func(Notice)
	sender    notify.Sender
	tried     bool
}

// OnNotice registers fn for every new notice (on the goroutine that
// raised it: return quickly).
func (s *Service) OnNotice(fn func(Notice)) {
	s.notices.mu.Lock()
	defer s.notices.mu.Unlock()
	s.notices.listeners = append(s.notices.listeners, fn)
}

// notice raises n unless its key is already shown.
func (s *Service) notice(n Notice) {
	s.notices.mu.Lock()
	if s.notices.shown == nil {
		s.notices.shown = map[string]bool{}
	}
	if s.notices.shown[n.Key] {
		s.notices.mu.Unlock()
		return
	}
	s.notices.shown[n.Key] = true
	fns := append([]func(Notice){}, s.notices.listeners...)
	sender := s.noticeSender()
	s.notices.mu.Unlock()
	s.Logger.Info("notice", "key", n.Key, "title", n.Title)
	for _, fn := range fns {
		fn(n)
	}
	if sender != nil {
		if err := sender.Send(notify.Message{Title: n.Title, Body: html.EscapeString(n.Body)}); err != nil {
			s.Logger.Warn("notice popup failed", "err", err)
		}
	}
}

// clearNotice lets the notice of key show again when it is raised again.
func (s *Service) clearNotice(key string) {
	s.notices.mu.Lock()
	defer s.notices.mu.Unlock()
	delete(s.notices.shown, key)
}

// noticeSender is the popup sender, made once; nil without popups.
// notices.mu is held.
func (s *Service) noticeSender() notify.Sender {
	if !s.opt.Popups || s.notices.tried {
		return s.notices.sender
	}
	s.notices.tried = true
	sender, err := notify.NewSender(assets.Icon, "")
	if sender == nil {
		s.Logger.Info("notices show in the window only", "err", err)
	}
	s.notices.sender = sender
	return sender
}
