// Package ui is whoiscalling's desktop face, built on Fyne: the tray menu,
// the recent-calls window, the contacts window and the settings window.
// Widgets only signal what the person wants; the logic lives in the
// packages behind them. Goroutines cross into the UI here, with fyne.Do.
package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TrayState is what the tray menu shows.
type TrayState struct {
	Addr      string
	Listening bool
	ListenErr error
	// Webhooks are the listener's counters: the last accepted push and
	// the refusals.
	Webhooks     webhook.Stats
	LastCalls    []calls.Call // newest first; the menu shows up to five
	DoNotDisturb bool
	Region       string
	Now          time.Time
}

// TrayActions are the menu's callbacks; a nil one disables its entry.
type TrayActions struct {
	OpenCall     func(calls.Call)
	RecentCalls  func()
	Contacts     func()
	Settings     func()
	DoNotDisturb func(on bool)
	TestCall     func()
	Quit         func()
}

// StatusLine is the first, disabled entry of the tray menu: where the app
// listens and when the last webhook came, or why it does not listen.
func StatusLine(s TrayState) string {
	if !s.Listening {
		if s.ListenErr != nil {
			return "Not listening: " + i18n.Error(s.ListenErr)
		}
		return "Not listening"
	}
	line := "Listening on " + s.Addr
	if s.Webhooks.LastAccepted.IsZero() {
		line += " · no webhook yet"
	} else {
		line += " · last webhook " + i18n.Ago(s.Now, s.Webhooks.LastAccepted)
	}
	if r := i18n.Refused(s.Webhooks); r != "" {
		line += " · " + r
	}
	return line
}

// BuildTrayMenu builds the tray menu from the state. It is a pure function:
// the tests call it, and refreshTray installs its result.
func BuildTrayMenu(s TrayState, a TrayActions) *fyne.Menu {
	status := fyne.NewMenuItem(StatusLine(s), nil)
	status.Disabled = true
	items := []*fyne.MenuItem{status, fyne.NewMenuItemSeparator()}
	items = append(items, lastCallItems(s, a.OpenCall)...)
	dnd := item("Do not disturb", func() {
		if a.DoNotDisturb != nil {
			a.DoNotDisturb(!s.DoNotDisturb)
		}
	}, a.DoNotDisturb != nil)
	dnd.Checked = s.DoNotDisturb
	quit := item("Quit", a.Quit, a.Quit != nil)
	quit.IsQuit = true
	items = append(items,
		item("Recent calls…", a.RecentCalls, a.RecentCalls != nil),
		item("Contacts…", a.Contacts, a.Contacts != nil),
		item("Settings…", a.Settings, a.Settings != nil),
		fyne.NewMenuItemSeparator(),
		dnd,
		item("Send test call", a.TestCall, a.TestCall != nil && s.Listening),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	return fyne.NewMenu("whoiscalling", items...)
}

func item(label string, fn func(), enabled bool) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Disabled = !enabled
	return it
}

// lastCallItems are the five newest calls, each opening its details.
func lastCallItems(s TrayState, open func(calls.Call)) []*fyne.MenuItem {
	if len(s.LastCalls) == 0 {
		return []*fyne.MenuItem{item("No calls yet", nil, false), fyne.NewMenuItemSeparator()}
	}
	var items []*fyne.MenuItem
	for _, c := range s.LastCalls[:min(5, len(s.LastCalls))] {
		label := fmt.Sprintf("%s %s · %s", trayMark(c.Status), i18n.PartyOf(c, s.Region).Title(), i18n.Ago(s.Now, c.StartedAt))
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
