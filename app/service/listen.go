package service

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// listener is the webhook listener's state; Service.mu guards server and
// lastErr, handler is swapped atomically on reconfigure.
type listener struct {
	server  *webhook.Server
	lastErr error
	handler atomic.Pointer[webhook.Handler]
}

// newHandler builds the webhook handler for cfg. Every handler shares the
// service's counters, so saving a setting keeps "last webhook" and the
// refusals.
func (s *Service) newHandler(cfg config.Config) *webhook.Handler {
	var v webhook.Verifier
	if cfg.VerifySignature {
		v = webhook.AnyOf(webhook.NewSignatureVerifier(webhook.SipgateKey()), webhook.NewTestPushVerifier(s.secret))
	}
	return webhook.NewHandler(s.Logger, v, s.Tracker, webhook.WithCounters(s.counters))
}

// ServeHTTP passes the request to the current webhook handler, which a
// new configuration may swap.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.answerProbe(w, r) {
		return
	}
	s.listener.handler.Load().ServeHTTP(w, r)
}

// Listen starts the webhook listener on the configured address. The error
// (port in use, no permission) is also kept for Status.
func (s *Service) Listen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	srv, err := webhook.Listen(s.cfg.ListenAddr(), s, s.Logger)
	s.listener.lastErr = err
	if err != nil {
		return err
	}
	s.listener.server = srv
	go s.serve(srv)
	s.logStart()
	return nil
}

func (s *Service) serve(srv *webhook.Server) {
	if err := srv.Serve(); err != nil {
		s.Logger.Error("listener stopped", "err", err)
	}
}

func (s *Service) logStart() {
	public := s.cfg.PublicURL
	if public == "" {
		public = "(not set: only newCall events arrive; set " + config.KeyPublicURL + ")"
	}
	s.Logger.Info("listening for sipgate webhooks", "addr", s.listener.server.Addr(), "public_url", public,
		"signature_check", s.cfg.VerifySignature, "data_dir", s.cfg.DataDir)
	if !s.cfg.VerifySignature {
		s.Logger.Warn("the signature check is off (" + config.KeyVerifySignature + "=false): anyone who can reach the listener can post fake calls")
	}
}

func (s *Service) stopListening() error {
	s.mu.Lock()
	srv := s.listener.server
	s.listener.server = nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// Status is what the tray's status line shows.
type Status struct {
	Addr      string
	Listening bool
	// Err is why the listener is not running.
	Err error
	// Webhooks are the listener's counters since start: accepted pushes,
	// the last one's time, and the refusals by reason.
	Webhooks webhook.Stats
}

// Status reports the listener's state.
func (s *Service) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Status{Addr: s.cfg.ListenAddr(), Err: s.listener.lastErr, Webhooks: s.counters.Snapshot()}
	if s.listener.server != nil {
		st.Addr, st.Listening = s.listener.server.Addr(), true
	}
	return st
}
