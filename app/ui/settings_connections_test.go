package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/team"
	"github.com/whoiscalling/whoiscalling/app/tunnel"
)

// connectedBackend is a fake service with a sipgate account, a tunnel
// and a team.
type connectedBackend struct {
	*fakeBackend
	mu        sync.Mutex
	account   service.AccountStatus
	reach     service.Reach
	team      service.TeamStatus
	pointed   int
	connected []string
}

func (c *connectedBackend) Account() service.AccountStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.account
}

func (c *connectedBackend) ConnectSipgate(_ context.Context, id, token string) (service.Login, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if token != "right" {
		return service.Login{}, &sipgate.AuthError{Endpoint: "GET /authorization/userinfo"}
	}
	c.connected = append(c.connected, id)
	c.account = service.AccountStatus{Connected: true, Synced: time.Now(), Report: &service.AccountReport{
		UserID: "w0", UserName: "Anna Schmidt", Booked: true, IncomingURL: "https://old.example.org/", PublicURL: "https://new.lhr.life"}}
	return service.Login{User: sipgate.Userinfo{Sub: "w0"}, Place: service.InFile}, nil
}

func (c *connectedBackend) DisconnectSipgate() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.account = service.AccountStatus{}
	return nil
}

func (c *connectedBackend) PointSipgateHere(context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pointed++
	c.account.Report.IncomingURL, c.account.Report.PointsHere = c.account.Report.PublicURL, true
	return nil
}

func (c *connectedBackend) SyncSipgateNow() {}

func (c *connectedBackend) SipgateUsers(context.Context) ([]sipgate.User, error) {
	return []sipgate.User{{ID: "w0", Firstname: "Anna", Lastname: "Schmidt"}, {ID: "w1", Firstname: "Ben", Lastname: "Meyer"}}, nil
}

func (c *connectedBackend) SipgateDevices(context.Context) ([]sipgate.Device, error) {
	return []sipgate.Device{{ID: "e0", Alias: "Desk phone"}, {ID: "y0", Alias: "Mobile"}}, nil
}

func (c *connectedBackend) Reach() service.Reach {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reach
}

func (c *connectedBackend) CheckReach(context.Context) tunnel.Health { return c.Reach().Health }

func (c *connectedBackend) Team() service.TeamStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.team
}

func (c *connectedBackend) OnNotice(func(service.Notice)) {}

func TestConnectionTabsThroughTheUI(t *testing.T) {
	b := newBackend(t)
	fb := &fakeBackend{fakeSettings: newFakeSettings(t), status: service.Status{Addr: "127.0.0.1:8080", Listening: true}}
	cb := &connectedBackend{fakeBackend: fb,
		reach: service.Reach{Mode: config.TunnelLocalhostRun, State: tunnel.Down{Err: errors.New("eof"), RetryIn: 8 * time.Second}},
		team:  service.TeamStatus{On: true, Running: true, Status: team.Status{Team: "office", State: "connected", Receivers: []team.Receiver{{Host: "srv-01"}}}}}
	q := newUIQueue()
	u := newUI(test.NewTempApp(t), Deps{Backend: cb, Calls: b.tracker, Book: b.book}, q.do, b.clock.Now)
	w := u.settings()
	var names []string
	for _, tab := range w.tabs.Items {
		names = append(names, tab.Text)
	}
	if got := strings.Join(names, ","); got != "Listener,Internet,sipgate,Notifications,Team,General,Contacts" {
		t.Fatalf("Settings tabs = %s", got)
	}

	// The tray and the status line tell the tunnel's trouble and the team.
	s := u.trayState()
	line := StatusLine(s)
	if !strings.Contains(line, "tunnel down — retrying in 8 s") || !strings.Contains(line, "team office: receiver srv-01 online") || !s.Warning() {
		t.Errorf("status line = %q, warning %v", line, s.Warning())
	}
	if name, _ := trayIcon(s); name != "tray-warning.png" {
		t.Errorf("tray icon = %s, want the warning", name)
	}

	// Connect with a wrong token, then the right one.
	st := findSipgateTab(t, w)
	test.Type(st.tokenID, "token-AB12CD")
	test.Type(st.token, "wrong")
	test.Tap(st.connect)
	q.until(t, "the refusal", func() bool { return strings.Contains(st.state.Text, "sipgate refused the token") })
	st.token.SetText("")
	test.Type(st.token, "right")
	test.Tap(st.connect)
	q.until(t, "the connection", func() bool { return strings.Contains(st.state.Text, "Connected as w0") })
	if !strings.Contains(st.state.Text, "secrets.json") || st.token.Text != "" || !st.login.Hidden || st.account.Hidden {
		t.Errorf("after connecting: %q, token field %q, login hidden %v", st.state.Text, st.token.Text, st.login.Hidden)
	}
	q.until(t, "the users and devices", func() bool { return len(st.users.Options) == 2 && len(st.device.Options) == 2 })
	if !strings.Contains(st.webhook.Text, "old.example.org") || st.pointHere.Disabled() {
		t.Errorf("webhook line = %q, Point here enabled %v", st.webhook.Text, !st.pointHere.Disabled())
	}
	test.Tap(st.pointHere)
	q.until(t, "sipgate pointed here", func() bool { return strings.Contains(st.webhook.Text, "sipgate sends calls here") })
	st.device.SetSelected("Mobile · y0")
	if saves := fb.savesMade(); len(saves) == 0 || saves[len(saves)-1][config.KeySipgateDevice] != "y0" {
		t.Errorf("choosing a device saved %v", saves)
	}
	st.users.SetSelected([]string{"Ben Meyer"})
	if saves := fb.savesMade(); saves[len(saves)-1][config.KeyNotifyUsers] != "Ben Meyer" {
		t.Errorf("picking users saved %v", saves)
	}
}

// findSipgateTab builds the sipgate tab of w again to reach its widgets.
func findSipgateTab(t *testing.T, w *SettingsWindow) *sipgateTab {
	t.Helper()
	st := newSipgateTab(w, w.backend().(SipgateLink))
	if st == nil {
		t.Fatal("no sipgate tab")
	}
	return st
}
