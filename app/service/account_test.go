package service

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

// connectedService runs a service against a fake sipgate.
func connectedService(t *testing.T, srv *sipgatefake.Server, extra map[string]string) (*Service, func() []Notice) {
	t.Helper()
	env := map[string]string{config.KeySipgateAPIURL: srv.URL, config.KeySipgateTokenID: srv.TokenID,
		config.KeySipgateToken: srv.Token, config.KeyPort: freePort(t)}
	for k, v := range extra {
		env[k] = v
	}
	e := testEnv(env)
	cfg, err := LoadConfig(e, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc, err := Open(Options{Config: cfg, Env: e, Logger: slog.New(slog.DiscardHandler), RequireListener: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	var mu sync.Mutex
	var got []Notice
	svc.OnNotice(func(n Notice) { mu.Lock(); got = append(got, n); mu.Unlock() })
	if err := svc.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return svc, func() []Notice { mu.Lock(); defer mu.Unlock(); return append([]Notice(nil), got...) }
}

func TestAccountSyncsAtStartAndSaysWhatWasMissed(t *testing.T) {
	srv := sipgatefake.New(t)
	svc, notices := connectedService(t, srv, nil)
	waitFor(t, 30*time.Second, "the first sync", func() bool { return !svc.Account().Synced.IsZero() })
	st := svc.Account()
	if st.Err != nil || !st.Connected || st.Report == nil || st.Report.UserName != "Anna Schmidt" {
		t.Fatalf("account = %+v", st)
	}
	if st.Contacts.Imported != 3 || len(st.History.Added) != 5 {
		t.Errorf("first sync: %d contacts, %d calls added", st.Contacts.Imported, len(st.History.Added))
	}
	var away []Notice
	for _, n := range notices() {
		if n.Key == "away" {
			away = append(away, n)
		}
	}
	if len(away) != 1 || away[0].Title != "2 calls while you were away" || !strings.Contains(away[0].Body, "0000003") {
		t.Errorf("away notices = %+v", away)
	}
	list, _ := svc.Tracker.Recent(context.Background(), calls.Query{Limit: 10, Status: calls.StatusMissed})
	if len(list) != 1 || list[0].Party() != "anonymous" {
		t.Errorf("missed calls = %+v", list)
	}
	// A sync now changes nothing and says nothing again.
	svc.SyncSipgateNow()
	waitFor(t, 30*time.Second, "the second sync", func() bool { return svc.Account().Synced.After(st.Synced) })
	if h := svc.Account().History; len(h.Added) != 0 || h.Updated != 0 {
		t.Errorf("second sync: %+v", h)
	}
	if c := svc.Account().Contacts; c.Imported != 0 || c.Updated != 0 || c.Unchanged != 3 {
		t.Errorf("second contacts sync: %+v", c)
	}
}

func TestWebhookCallCompletedByHistoryOnce(t *testing.T) {
	srv := sipgatefake.New(t)
	// The webhook saw c-1 ring; the hangup never came (the app was off).
	svc, _ := connectedService(t, srv, map[string]string{config.KeyVerifySignature: "false", config.KeySipgateSyncInterval: "1h"})
	waitFor(t, 30*time.Second, "the first sync", func() bool { return !svc.Account().Synced.IsZero() })
	list, _ := svc.Tracker.Recent(context.Background(), calls.Query{Limit: 100})
	seen := map[string]int{}
	for _, c := range list {
		seen[c.Key()]++
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("call %s listed %d times", k, n)
		}
	}
}

func TestCallBackAndBlockThroughSipgate(t *testing.T) {
	srv := sipgatefake.New(t)
	svc, _ := connectedService(t, srv, map[string]string{config.KeySipgateDevice: "y0"})
	if _, err := svc.Book.Add(context.Background(), contacts.Contact{FirstName: "Anna", LastName: "Mayer", Numbers: []contacts.Number{{Raw: "030 1234567"}}}); err != nil {
		t.Fatal(err)
	}
	msg, err := svc.CallBack(context.Background(), "+49301234567")
	if err != nil || msg != "Your phone (Mobile) rings — pick up to call Anna Mayer" {
		t.Fatalf("CallBack = %q, %v", msg, err)
	}
	reqs := srv.RequestsTo("POST", "/sessions/calls")
	var body map[string]string
	if len(reqs) != 1 || json.Unmarshal(reqs[0].Body, &body) != nil || body["deviceId"] != "y0" || body["callee"] != "+49301234567" {
		t.Errorf("click-to-call = %d requests, %v", len(reqs), body)
	}
	if err := svc.BlockAtSipgate(context.Background(), "+4930111222333", true); err != nil {
		t.Fatal(err)
	}
	blocked := func() bool {
		for _, b := range srv.Data().Blacklist {
			if b.PhoneNumber == "+4930111222333" {
				return true
			}
		}
		return false
	}
	if !blocked() {
		t.Errorf("block did not reach sipgate")
	}
	if err := svc.BlockAtSipgate(context.Background(), "+4930111222333", false); err != nil || blocked() {
		t.Errorf("unblock = %v, still blocked %v", err, blocked())
	}
	srv.SetScopes("history:read")
	if err := svc.BlockAtSipgate(context.Background(), "+4930111222333", true); err != nil || !svc.Account().BlockRefused {
		t.Errorf("block without the scope = %v, refused noted %v", err, svc.Account().BlockRefused)
	}
}

func TestNotConnectedCallBackSaysSo(t *testing.T) {
	keyring.MockInitWithError(errors.New("no keyring here"))
	svc := openTestService(t, map[string]string{})
	if _, err := svc.CallBack(context.Background(), "0301234567"); !errors.Is(err, sipgate.ErrNoToken) {
		t.Errorf("CallBack without an account = %v, want ErrNoToken", err)
	}
	if st := svc.Account(); st.Connected {
		t.Errorf("account = %+v", st)
	}
}

func TestSecretsFallBackToAPrivateFile(t *testing.T) {
	keyring.MockInitWithError(errors.New("no keyring here"))
	dir := t.TempDir()
	cfg := config.Config{DataDir: dir}
	place, err := StoreSecret(dir, config.KeySipgateToken, "s3cret")
	if err != nil || place != InFile {
		t.Fatalf("StoreSecret = %v, %v", place, err)
	}
	if v, err := Secret(cfg, config.KeySipgateToken); v != "s3cret" || err != nil {
		t.Errorf("Secret = %q, %v", v, err)
	}
	cfg.Sipgate.Token = "from-env"
	if v, _ := Secret(cfg, config.KeySipgateToken); v != "from-env" {
		t.Errorf("the environment did not win: %q", v)
	}
	keyring.MockInit()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	if place, err := StoreSecret(dir, config.KeySipgateToken, "k"); err != nil || place != InKeyring {
		t.Fatalf("StoreSecret with a keyring = %v, %v", place, err)
	}
	if v, _ := Secret(config.Config{DataDir: dir}, config.KeySipgateToken); v != "k" {
		t.Errorf("Secret from the keyring = %q", v)
	}
	if err := DeleteSecret(dir, config.KeySipgateToken); err != nil {
		t.Fatal(err)
	}
	if v, _ := Secret(config.Config{DataDir: dir}, config.KeySipgateToken); v != "" {
		t.Errorf("after DeleteSecret: %q", v)
	}
	if _, err := StoreSecret(dir, config.KeyPort, "1"); err == nil {
		t.Errorf("StoreSecret took a key that is not a secret")
	}
}

func TestBlockingAContactBlocksAtSipgate(t *testing.T) {
	srv := sipgatefake.New(t)
	svc, _ := connectedService(t, srv, nil)
	waitFor(t, 30*time.Second, "the first sync", func() bool { return !svc.Account().Synced.IsZero() })
	c, err := svc.Book.Add(context.Background(), contacts.Contact{FirstName: "Pest", Numbers: []contacts.Number{{Raw: "0211 6660666"}}})
	if err != nil {
		t.Fatal(err)
	}
	atSipgate := func() bool {
		for _, b := range srv.Data().Blacklist {
			if b.PhoneNumber == "+492116660666" {
				return true
			}
		}
		return false
	}
	if err := svc.Book.SetBlocked(context.Background(), c.ID, true); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the block at sipgate", atSipgate)
	if err := svc.Book.SetBlocked(context.Background(), c.ID, false); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the unblock at sipgate", func() bool { return !atSipgate() })
}

// A new token (entered again in Settings) restarts the connection with
// it; the same settings again do not.
func TestANewTokenRestartsTheConnection(t *testing.T) {
	keyring.MockInitWithError(errors.New("no keyring here"))
	srv := sipgatefake.New(t)
	svc := openTestService(t, map[string]string{config.KeySipgateAPIURL: srv.URL})
	if _, err := svc.ConnectSipgate(context.Background(), srv.TokenID, srv.Token); err != nil {
		t.Fatal(err)
	}
	loop := func() chan struct{} { svc.account.mu.Lock(); defer svc.account.mu.Unlock(); return svc.account.done }
	first := loop()
	svc.restartAccount(svc.Current())
	if loop() != first {
		t.Errorf("the same settings restarted the connection")
	}
	if _, err := StoreSecret(svc.Current().DataDir, config.KeySipgateToken, "11111111-2222-4333-8444-555555555555"); err != nil {
		t.Fatal(err)
	}
	svc.restartAccount(svc.Current())
	if loop() == first || loop() == nil {
		t.Errorf("a new token did not restart the connection")
	}
}
