// Package service is whoiscalling's runtime, shared by the tray app,
// `whoiscalling serve` and the end-to-end tests: it opens the database,
// the contact book and the call tracker, runs the webhook listener,
// applies new settings at once, and feeds the consumers of call changes
// (popups, windows, and later the team, sipgate sync and tunnel) and of
// configuration changes. main.go and the commands build one with Open,
// start it with Run and stop it with Close.
package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// Options configure a Service.
type Options struct {
	// Config is the configuration to start with (see LoadConfig).
	Config config.Config
	// Env is read again when settings are saved: the environment and
	// .env keep winning over saved settings.
	Env Env
	// Logger receives the service's log (nil: discard).
	Logger *slog.Logger
	// Popups turns on desktop notifications for call changes.
	Popups bool
	// RequireListener makes Run fail when the webhook port cannot be
	// opened (serve). Without it (the tray app) the service runs on and
	// Status reports why it does not listen, so Settings can fix it.
	RequireListener bool
	// ProbeClient sends the watchdog's probes through the public URL
	// (nil: a default client). Tests route it to a local tunnel.
	ProbeClient *http.Client
}

// Service is the running core.
type Service struct {
	Logger *slog.Logger
	Store  *store.Store
	// Book is the contact book; it is set once Ready returns nil.
	Book    *contacts.Book
	Tracker *calls.Tracker

	opt Options
	env Env
	// ready is closed when the book has loaded (or failed to: bookErr).
	ready   chan struct{}
	bookErr error

	mu       sync.Mutex
	cfg      config.Config
	listener listener
	secret   []byte
	counters *webhook.Counters

	consumers  consumers
	notices    notices
	account    account
	tunnel     tunnelState
	team       atomic.Pointer[teamRunner]
	carddav    *cardDAVRunner
	popupHooks hooks
	closeOnce  sync.Once
	closeErr   error
}

// Open opens the database and the tracker, and starts loading the contact
// book into memory. It does not listen yet: Run does, possibly before the
// book has loaded (a large book takes a second); webhooks that arrive
// meanwhile wait for it.
func Open(opt Options) (*Service, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	cfg := opt.Config
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	s := &Service{Logger: opt.Logger, Store: st, opt: opt, env: opt.Env, cfg: cfg,
		ready: make(chan struct{}), counters: webhook.NewCounters(), carddav: newCardDAVRunner()}
	s.consumers.init()
	go s.loadBook(cfg.DefaultRegion)
	s.Tracker, err = calls.Open(st, directory{s}, calls.Options{
		PublicURL: cfg.PublicURL, StaleAfter: cfg.StaleTimeout, Keep: cfg.HistoryKeep, Logger: opt.Logger,
	})
	if err != nil {
		<-s.ready
		st.Close()
		return nil, fmt.Errorf("open the call history: %w", err)
	}
	if s.secret, err = TestCallKey(cfg.DataDir); err != nil {
		<-s.ready
		s.Tracker.Close()
		st.Close()
		return nil, err
	}
	s.listener.handler.Store(s.newHandler(cfg))
	return s, nil
}

func (s *Service) loadBook(region string) {
	defer close(s.ready)
	book, err := contacts.OpenIn(s.cfg.DataDir, s.Store, region, contacts.WithLogger(s.Logger))
	if err != nil {
		s.bookErr = fmt.Errorf("open the contact book: %w", err)
		return
	}
	s.Book = book
	// Loading a large book allocates about twice what it keeps; hand the
	// rest back to the OS now rather than keep it as GC headroom.
	debug.FreeOSMemory()
}

// Run starts the listener, waits for the contact book and starts the
// consumers. It returns the listener's error only with
// Options.RequireListener; otherwise Status tells it.
func (s *Service) Run(ctx context.Context) error {
	listenErr := s.Listen()
	if listenErr != nil && s.opt.RequireListener {
		return listenErr
	}
	if err := s.Ready(); err != nil {
		return err
	}
	s.consumers.goRun(s.followBook)
	if s.opt.Popups {
		s.startPopups()
	}
	s.consumers.start(ctx, s.Tracker)
	// The connections to the outside: each works on its own, retries on
	// its own, and reports through Status; none stops the others.
	for _, start := range []func(context.Context){s.startAccount, s.startTunnel, s.startTeam, s.startCardDAV} {
		start(ctx)
	}
	return nil
}

// Ready waits until the contact book is loaded and returns why it could
// not be, if so.
func (s *Service) Ready() error {
	<-s.ready
	return s.bookErr
}

// Current is the configuration the service runs with, with each key's
// source (the Settings window locks what the environment sets).
func (s *Service) Current() config.Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg
}

// Region is the default country numbers without a country code belong
// to: the one place every part of the app reads it from.
func (s *Service) Region() string { return s.Current().DefaultRegion }

// Close stops the consumers, the listener (waiting up to a second for
// requests in flight), then the tracker and the database.
// Closing again returns the first Close's result.
func (s *Service) Close() error {
	s.closeOnce.Do(func() {
		s.consumers.stop()
		errs := []error{s.stopListening()}
		<-s.ready
		if s.Book != nil {
			errs = append(errs, s.Book.Close())
		}
		errs = append(errs, s.Tracker.Close(), s.Store.Close())
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}
