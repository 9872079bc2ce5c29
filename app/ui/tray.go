// Package ui is whoiscalling's desktop face, built on Fyne: the tray menu,
// the recent-calls window (the home, with a toolbar that reaches every
// function), the contacts view and the settings window. Widgets only
// signal what the person wants; the logic lives in the packages behind
// them. Goroutines cross into the UI here, with fyne.Do. Every text goes
// through app/i18n.
package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/tunnel"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TrayState is what the tray menu and the window's status line show.
type TrayState struct {
	Addr      string
	Listening bool
	ListenErr error
	// PublicURL is the address sipgate calls ("" when not set).
	PublicURL string
	// Webhooks are the listener's counters: the last accepted push and
	// the refusals.
	Webhooks     webhook.Stats
	LastCalls    []calls.Call // newest first; the menu shows up to five
	DoNotDisturb bool
	// Unseen is the number of missed calls since the window was last
	// opened.
	Unseen int
	Region string
	Now    time.Time
	// Reach, Account and Team are the connections' states; nil when the
	// backend has none.
	Reach   *service.Reach
	Account *service.AccountStatus
	Team    *service.TeamStatus
}

// TrayActions are the menu's and the toolbar's callbacks; a nil one
// disables its entry.
type TrayActions struct {
	OpenCall     func(calls.Call)
	RecentCalls  func()
	Contacts     func()
	Settings     func()
	DoNotDisturb func(on bool)
	TestCall     func()
	About        func()
	Quit         func()
}

// StatusParts are the pieces of the status line, in order: where the app
// listens or why not, the public URL, the last webhook and the refusals.
// It is the one place that says how the app is doing; a new connection
// (tunnel, sipgate, team) adds its part here.
func StatusParts(s TrayState) []string {
	if !s.Listening {
		if s.ListenErr != nil {
			return []string{i18n.T("Not listening: {{.Why}}", map[string]any{"Why": i18n.Error(s.ListenErr)})}
		}
		return []string{i18n.T("Not listening")}
	}
	parts := []string{i18n.T("Listening on {{.Addr}}", map[string]any{"Addr": s.Addr})}
	if s.PublicURL != "" {
		parts = append(parts, i18n.T("public URL {{.URL}}", map[string]any{"URL": s.PublicURL}))
	}
	if s.Webhooks.LastAccepted.IsZero() {
		parts = append(parts, i18n.T("no webhook yet"))
	} else {
		parts = append(parts, i18n.T("last webhook {{.Ago}}", map[string]any{"Ago": i18n.Ago(s.Now, s.Webhooks.LastAccepted)}))
	}
	if r := i18n.Refused(s.Webhooks); r != "" {
		parts = append(parts, r)
	}
	return append(parts, connectionParts(s)...)
}

// connectionParts say how the tunnel, the watchdog, the sipgate account
// and the team are doing, when that is worth a word.
func connectionParts(s TrayState) []string {
	var parts []string
	if r := s.Reach; r != nil {
		if r.Mode != "" && r.Mode != config.TunnelOff {
			parts = append(parts, i18n.TunnelState(r.State))
		}
		if r.Checked && !r.Health.OK() {
			parts = append(parts, i18n.HealthTitle(r.Health))
		}
	}
	if a := s.Account; a != nil && a.Connected {
		switch rep := a.Report; {
		case a.Err != nil:
			parts = append(parts, i18n.T("sipgate: {{.Err}}", map[string]any{"Err": i18n.Error(a.Err)}))
		case rep != nil && rep.Booked && rep.PublicURL != "" && !rep.PointsHere && !healthSaysElsewhere(s.Reach):
			parts = append(parts, i18n.WrongURL(rep.IncomingURL))
		}
	}
	if t := s.Team; t != nil {
		if line := TeamLine(*t); line != "" {
			parts = append(parts, line)
		}
	}
	return parts
}

// healthSaysElsewhere reports whether the watchdog already said that
// sipgate sends elsewhere (the status line says it once).
func healthSaysElsewhere(r *service.Reach) bool {
	if r == nil {
		return false
	}
	for _, p := range r.Health.Problems {
		if _, ok := p.(tunnel.SipgateElsewhere); ok {
			return true
		}
	}
	return false
}

// Warning reports whether a connection has a problem the person should
// act on: the tray shows its warning icon.
func (s TrayState) Warning() bool {
	if s.Reach != nil && s.Reach.Warning() {
		return true
	}
	if a := s.Account; a != nil && a.Connected && (a.Err != nil ||
		a.Report != nil && a.Report.Booked && a.Report.PublicURL != "" && !a.Report.PointsHere) {
		return true
	}
	if t := s.Team; t != nil && t.On && (t.Problem() != nil || len(t.Receivers) == 0 && t.NoReceiverSince != nil) {
		return true
	}
	return false
}

// StatusLine is StatusParts in one line: the first, disabled entry of the
// tray menu and the window's status bar.
func StatusLine(s TrayState) string { return joinNonEmpty(" · ", StatusParts(s)...) }

// BuildTrayMenu builds the tray menu from the state. It is a pure function:
// the tests call it, and refreshTray installs its result.
func BuildTrayMenu(s TrayState, a TrayActions) *fyne.Menu {
	status := fyne.NewMenuItem(StatusLine(s), nil)
	status.Disabled = true
	items := []*fyne.MenuItem{status}
	if s.Unseen > 0 {
		items = append(items, item(unseenText(s.Unseen), a.RecentCalls, a.RecentCalls != nil))
	}
	items = append(items, fyne.NewMenuItemSeparator())
	items = append(items, lastCallItems(s, a.OpenCall)...)
	dnd := item(i18n.T("Do not disturb"), func() {
		if a.DoNotDisturb != nil {
			a.DoNotDisturb(!s.DoNotDisturb)
		}
	}, a.DoNotDisturb != nil)
	dnd.Checked = s.DoNotDisturb
	quit := item(i18n.T("Quit"), a.Quit, a.Quit != nil)
	quit.IsQuit = true
	items = append(items,
		item(i18n.T("Recent calls…"), a.RecentCalls, a.RecentCalls != nil),
		item(i18n.T("Contacts…"), a.Contacts, a.Contacts != nil),
		item(i18n.T("Settings…"), a.Settings, a.Settings != nil),
		fyne.NewMenuItemSeparator(),
		dnd,
		item(i18n.T("Send test call"), a.TestCall, a.TestCall != nil && s.Listening),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	return fyne.NewMenu("whoiscalling", items...)
}

// unseenText counts the missed calls not seen yet: "3 missed calls".
func unseenText(n int) string {
	return "✗ " + i18n.N("{{.N}} missed calls", n)
}

func item(label string, fn func(), enabled bool) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Disabled = !enabled
	return it
}

// lastCallItems are the five newest calls, each opening its details.
func lastCallItems(s TrayState, open func(calls.Call)) []*fyne.MenuItem {
	if len(s.LastCalls) == 0 {
		return []*fyne.MenuItem{item(i18n.T("No calls yet"), nil, false), fyne.NewMenuItemSeparator()}
	}
	var items []*fyne.MenuItem
	for _, c := range s.LastCalls[:min(5, len(s.LastCalls))] {
		label := trayMark(c.Status) + " " + i18n.PartyOf(c, s.Region).Title() + " · " + i18n.Ago(s.Now, c.StartedAt)
		items = append(items, item(label, func() {
			if open != nil {
				open(c)
			}
		}, open != nil))
	}
	return append(items, fyne.NewMenuItemSeparator())
}

// trayMark is a one-character outcome for the menu, which has no icons per
// entry on every desktop.
func trayMark(s calls.Status) string {
	switch s {
	case calls.StatusMissed, calls.StatusNotReached:
		return "✗"
	case calls.StatusVoicemail:
		return "✉"
	case calls.StatusRejected:
		return "⊘"
	case calls.StatusRinging, calls.StatusActive:
		return "☎"
	case calls.StatusAnswered:
		return "✓"
	}
	return "?"
}
