package cli

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/notify"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// Service is the running core shared by `serve` and the tray app: the
// database, the contact book, the call tracker and the webhook listener.
type Service struct {
	Logger *slog.Logger
	Store  *store.Store
	// Book is the contact book; it is set once Ready returns nil.
	Book    *contacts.Book
	Tracker *calls.Tracker

	// ready is closed when the book has loaded (or failed to: bookErr).
	ready   chan struct{}
	bookErr error

	mu      sync.Mutex
	cfg     config.Config
	server  *webhook.Server
	lastErr error
	handler atomic.Pointer[webhook.Handler]
	secret  []byte
	env     *Env
	// notifier, when set, gets the notification settings on Reconfigure.
	notifier interface{ SetConfig(notify.Options) }
}

// OpenService opens the database and the tracker, and starts loading the
// contact book into memory. It does not listen yet: call Listen, which
// may come before the book is loaded (a large book takes a second);
// webhooks that arrive meanwhile wait for it. Call Ready before using
// Book.
func OpenService(env *Env, cfg config.Config, logger *slog.Logger) (*Service, error) {
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	s := &Service{Logger: logger, Store: st, cfg: cfg, env: env, ready: make(chan struct{})}
	go s.loadBook(cfg.DefaultRegion)
	s.Tracker, err = calls.Open(st, directory{s}, calls.Options{
		PublicURL: cfg.PublicURL, StaleAfter: cfg.StaleTimeout, Keep: cfg.HistoryKeep, Logger: logger,
	})
	if err != nil {
		<-s.ready
		st.Close()
		return nil, fmt.Errorf("open the call history: %w", err)
	}
	if s.secret, err = testPushSecret(cfg.DataDir); err != nil {
		<-s.ready
		s.Tracker.Close()
		st.Close()
		return nil, err
	}
	s.handler.Store(s.newHandler(cfg))
	return s, nil
}

func (s *Service) loadBook(region string) {
	defer close(s.ready)
	book, err := contacts.Open(s.Store, region, contacts.WithLogger(s.Logger))
	if err != nil {
		s.bookErr = fmt.Errorf("open the contact book: %w", err)
		return
	}
	s.Book = book
	// Loading a large book allocates about twice what it keeps; hand the
	// rest back to the OS now rather than keep it as GC headroom.
	debug.FreeOSMemory()
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

func (s *Service) newHandler(cfg config.Config) *webhook.Handler {
	var v webhook.Verifier
	if cfg.VerifySignature {
		v = webhook.AnyOf(webhook.NewSignatureVerifier(webhook.SipgateKey()), webhook.NewTestPushVerifier(s.secret))
	}
	return webhook.NewHandler(s.Logger, v, s.Tracker)
}

// ServeHTTP passes the request to the current webhook handler, which
// Reconfigure may swap.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.Load().ServeHTTP(w, r)
}

// Listen starts the webhook listener on the configured address. The error
// (port in use, no permission) is also kept for Status.
func (s *Service) Listen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.listenLocked()
}

func (s *Service) listenLocked() error {
	srv, err := webhook.Listen(s.cfg.ListenAddr(), s, s.Logger)
	s.lastErr = err
	if err != nil {
		return err
	}
	s.server = srv
	go func() {
		if err := srv.Serve(); err != nil {
			s.Logger.Error("listener stopped", "err", err)
		}
	}()
	s.logStart()
	return nil
}

func (s *Service) logStart() {
	public := s.cfg.PublicURL
	if public == "" {
		public = "(not set: only newCall events arrive; set " + config.KeyPublicURL + ")"
	}
	s.Logger.Info("listening for sipgate webhooks", "addr", s.server.Addr(), "public_url", public, "signature_check", s.cfg.VerifySignature, "data_dir", s.cfg.DataDir)
	if !s.cfg.VerifySignature {
		s.Logger.Warn("the signature check is off (" + config.KeyVerifySignature + "=false): anyone who can reach the listener can post fake calls")
	}
}

// Status is what the tray's status line shows.
type Status struct {
	Addr        string
	Listening   bool
	Err         error
	LastWebhook time.Time
}

// Status reports the listener's state.
func (s *Service) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Status{Addr: s.cfg.ListenAddr(), Err: s.lastErr, LastWebhook: s.handler.Load().LastEvent()}
	if s.server != nil {
		st.Addr, st.Listening = s.server.Addr(), true
	}
	return st
}

// Close stops the listener (waiting up to a second for requests in
// flight), then the tracker and the database.
func (s *Service) Close() error {
	s.mu.Lock()
	srv := s.server
	s.server = nil
	s.mu.Unlock()
	var errs []error
	if srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		errs = append(errs, srv.Shutdown(ctx))
		cancel()
	}
	<-s.ready
	errs = append(errs, s.Tracker.Close(), s.Store.Close())
	return errors.Join(errs...)
}

// testPushSecret returns the data dir's key for signing test calls,
// creating it (mode 0600) on first use. Only a process that can read the
// data dir can sign a test push, so the check stays on for everyone else.
func testPushSecret(dir string) ([]byte, error) {
	path := filepath.Join(dir, "test-call.key")
	b, err := os.ReadFile(path)
	if err == nil && len(b) >= 32 {
		return b, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read the test-call key: %w", err)
	}
	b = make([]byte, 32)
	rand.Read(b)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return nil, &store.DirError{Dir: dir, Err: err}
	}
	return b, nil
}

// directory adapts the contact book to what the tracker needs. Until the
// book has loaded, a lookup waits for it; a book that failed to load
// knows nobody.
type directory struct{ s *Service }

func (d directory) Caller(number string) (calls.Caller, bool) {
	if d.s.Ready() != nil {
		return calls.Caller{}, false
	}
	m, ok := d.s.Book.Lookup(number)
	if !ok {
		return calls.Caller{}, false
	}
	c := m.Contact
	return calls.Caller{ContactID: c.ID, Name: c.DisplayName(), Company: c.Company, VIP: c.VIP, Blocked: c.Blocked, Match: string(m.Kind)}, true
}

func (s *Service) setNotifier(n interface{ SetConfig(notify.Options) }) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notifier = n
}
