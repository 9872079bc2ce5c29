package service

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
)

// AccountStatus is the sipgate connection as the tray, Settings and the
// watchdog see it.
type AccountStatus struct {
	// Connected is true while a token is configured (it may still fail:
	// Err says why).
	Connected bool
	Report    *AccountReport
	// Err is the last error talking to sipgate.
	Err error
	// Synced is when the last sync ended; Contacts and History what it
	// did; Syncing is true while one runs.
	Synced   time.Time
	Syncing  bool
	Contacts contacts.Report
	History  HistorySync
	// BlockRefused is true once sipgate refused a block for want of the
	// blacklist:write scope.
	BlockRefused bool
}

// account runs the sipgate connection: one loop that syncs at start and
// every SIPGATE_SYNC_INTERVAL, restarted when the token changes.
type account struct {
	mu     sync.Mutex
	status AccountStatus
	client *sipgate.Client
	cancel context.CancelFunc
	done   chan struct{}
	// key is what the loop runs with; a new key restarts it.
	key string
	// kick asks the loop for a sync now.
	kick chan struct{}
}

// Account reports the sipgate connection.
func (s *Service) Account() AccountStatus {
	s.account.mu.Lock()
	defer s.account.mu.Unlock()
	return s.account.status
}

// startAccount connects to sipgate when a token is configured, and
// follows new settings.
func (s *Service) startAccount(ctx context.Context) {
	s.restartAccount(s.Current())
	s.OnConfig(s.restartAccount)
	s.consumers.goRun(func(ctx context.Context) {
		<-ctx.Done()
		s.stopAccount()
	})
	s.consumers.goRun(s.followBlocks)
}

func (s *Service) restartAccount(cfg config.Config) {
	client, err := SipgateClient(cfg, s.Logger)
	// A new token (entered again, or changed in .env) restarts the loop
	// too; the key holds only a digest of it.
	id, token, _ := sipgateToken(cfg)
	key := fmt.Sprint(cfg.Sipgate.APIURL, cfg.Sipgate.SyncInterval, id, sha256.Sum256([]byte(token)))
	s.account.mu.Lock()
	if key == s.account.key && s.account.done != nil {
		s.account.mu.Unlock()
		return
	}
	s.account.mu.Unlock()
	s.stopAccount()
	s.account.mu.Lock()
	defer s.account.mu.Unlock()
	s.account.key, s.account.client = key, client
	s.account.status = AccountStatus{Connected: client != nil}
	if errors.Is(err, sipgate.ErrNoToken) {
		return
	}
	if err != nil {
		s.account.status.Err = err
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.account.cancel, s.account.done, s.account.kick = cancel, make(chan struct{}), make(chan struct{}, 1)
	go s.accountLoop(ctx, client, cfg.Sipgate.SyncInterval, s.account.done, s.account.kick)
}

func (s *Service) stopAccount() {
	s.account.mu.Lock()
	cancel, done := s.account.cancel, s.account.done
	s.account.cancel, s.account.done = nil, nil
	s.account.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// SyncSipgateNow asks the running connection for a sync at once.
func (s *Service) SyncSipgateNow() {
	s.account.mu.Lock()
	defer s.account.mu.Unlock()
	select {
	case s.account.kick <- struct{}{}:
	default:
	}
}

func (s *Service) accountLoop(ctx context.Context, c *sipgate.Client, every time.Duration, done chan struct{}, kick chan struct{}) {
	defer close(done)
	first := true
	for {
		s.accountRound(ctx, c, first)
		first = false
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-kick:
			t.Stop()
		case <-t.C:
		}
	}
}

// accountRound reads the account, syncs contacts and history, and
// raises the notices a person should see.
func (s *Service) accountRound(ctx context.Context, c *sipgate.Client, first bool) {
	s.setAccount(func(st *AccountStatus) { st.Syncing = true })
	report, err := SipgateReport(ctx, c, s.PublicURL())
	if err != nil {
		s.accountFailed(err)
		return
	}
	s.setAccount(func(st *AccountStatus) { st.Report = &report })
	var errs []error
	if s.Ready() == nil && featureAllowed(report, "contacts:read") {
		r, err := SyncSipgateContacts(ctx, c, s.Book)
		errs = append(errs, err)
		s.setAccount(func(st *AccountStatus) { st.Contacts = r })
		s.Logger.Info("sipgate contacts synced", "added", r.Imported, "updated", r.Updated, "removed", r.Removed)
	}
	if featureAllowed(report, "history:read") {
		h, err := SyncSipgateHistory(ctx, c, s.Tracker)
		errs = append(errs, err)
		s.setAccount(func(st *AccountStatus) { st.History = h })
		s.Logger.Info("sipgate history synced", "read", h.Read, "added", len(h.Added), "updated", h.Updated)
		if missed := len(h.Missed()); missed > 0 && first {
			s.notice(Notice{Key: "away", Title: i18n.Away(missed), Body: awayBody(h.Missed(), s.Region())})
		}
	}
	err = errors.Join(errs...)
	if ctx.Err() != nil {
		return
	}
	s.setAccount(func(st *AccountStatus) { st.Err, st.Syncing, st.Synced = err, false, time.Now() })
	if err != nil {
		s.Logger.Warn("sipgate sync failed", "err", err)
	}
	s.checkSipgateURL(report)
}

func (s *Service) accountFailed(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	s.Logger.Warn("sipgate connection failed", "err", err)
	s.setAccount(func(st *AccountStatus) { st.Err, st.Syncing = err, false })
}

func (s *Service) setAccount(fn func(*AccountStatus)) {
	s.account.mu.Lock()
	defer s.account.mu.Unlock()
	fn(&s.account.status)
}

// featureAllowed reports whether the report found the scope usable.
func featureAllowed(r AccountReport, scope string) bool {
	for _, f := range r.Features {
		if f.Scope == scope {
			return f.State == FeatureAllowed
		}
	}
	return false
}

// sipgateClient is the running connection's client, or ErrNoToken.
func (s *Service) sipgateClient() (*sipgate.Client, error) {
	s.account.mu.Lock()
	defer s.account.mu.Unlock()
	if s.account.client == nil {
		if s.account.status.Err != nil {
			return nil, s.account.status.Err
		}
		return nil, sipgate.ErrNoToken
	}
	return s.account.client, nil
}

// ConnectSipgate checks and stores a token entered in Settings, then
// connects with it.
func (s *Service) ConnectSipgate(ctx context.Context, tokenID, token string) (Login, error) {
	l, err := SipgateLogin(ctx, s.Current(), tokenID, token, s.Logger)
	if err != nil {
		return l, err
	}
	s.restartAccount(s.Current())
	return l, nil
}

// DisconnectSipgate forgets the stored token and stops the connection.
func (s *Service) DisconnectSipgate() error {
	err := SipgateLogout(s.Current())
	s.restartAccount(s.Current())
	return err
}

// awayBody names the callers of the calls missed while the app was off.
func awayBody(missed []calls.Call, region string) string {
	names := make([]string, 0, 4)
	for i, c := range missed {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, i18n.PartyOf(c, region).Title())
	}
	return strings.Join(names, ", ")
}
