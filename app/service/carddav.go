package service

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts/carddav"
)

// CardDAVStatus is how the CardDAV sync goes, for the UI.
type CardDAVStatus struct {
	// Enabled is true when CARDDAV_URL is set.
	Enabled bool
	// Running is true while a sync is under way.
	Running bool
	// LastSync is when the last sync ended (zero: none yet); Result is
	// what it did, Err why it failed (nil: it worked).
	LastSync time.Time
	Result   carddav.Result
	Err      error
}

// CardDAVSync syncs book from the CardDAV account of cfg once: the
// user name and password come from the environment or .env, else the OS
// keyring, else the data dir's secrets file; the sync state lives in the
// data dir. On an error (one sentence, see carddav.Error) nothing is
// changed.
func CardDAVSync(ctx context.Context, cfg config.Config, book carddav.Book, logger *slog.Logger) (carddav.Result, error) {
	user, err := Secret(cfg, config.KeyCardDAVUsername)
	if err != nil {
		return carddav.Result{}, err
	}
	pass, err := Secret(cfg, config.KeyCardDAVPassword)
	if err != nil {
		return carddav.Result{}, err
	}
	c, err := carddav.New(carddav.Account{URL: cfg.CardDAV.URL, Username: user, Password: pass},
		carddav.Options{StateFile: carddav.StatePath(cfg.DataDir), Logger: logger})
	if err != nil {
		return carddav.Result{}, err
	}
	return c.Sync(ctx, book)
}

// cardDAVRunner is the background sync's state.
type cardDAVRunner struct {
	mu     sync.Mutex
	status CardDAVStatus
	// now asks for a sync; changed says settings were saved.
	now, changed chan struct{}
}

func newCardDAVRunner() *cardDAVRunner {
	return &cardDAVRunner{now: make(chan struct{}, 1), changed: make(chan struct{}, 1)}
}

func (s *Service) cardDAV() *cardDAVRunner { return s.carddav }

// CardDAVStatus is the state of the background CardDAV sync.
func (s *Service) CardDAVStatus() CardDAVStatus {
	r := s.cardDAV()
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status
}

// SyncCardDAVNow asks the background sync to run now (the Settings
// window's "Sync now"); it returns at once.
func (s *Service) SyncCardDAVNow() { signal(s.cardDAV().now) }

// signal wakes the receiver of ch (buffered 1) without waiting.
func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// startCardDAV syncs the CardDAV book at start and every
// CARDDAV_SYNC_INTERVAL, and again when its settings change, until the
// service closes. It runs whether or not CardDAV is set up, so that
// settings saved later take effect.
func (s *Service) startCardDAV(ctx context.Context) {
	r := s.cardDAV()
	s.OnConfig(func(config.Config) { signal(r.changed) })
	s.consumers.goRun(func(ctx context.Context) {
		s.runCardDAV(ctx, r)
	})
}
