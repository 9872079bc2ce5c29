package ui

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// trayActions are what the tray menu and the window's toolbar do.
func (u *UI) trayActions() TrayActions {
	return TrayActions{
		OpenCall:     func(c calls.Call) { u.calls().ShowCall(c) },
		RecentCalls:  u.ShowRecentCalls,
		Contacts:     u.ShowContacts,
		Settings:     func() { u.settings().Show() },
		DoNotDisturb: u.setDoNotDisturb,
		TestCall:     u.sendTestCall,
		About:        u.showAbout,
		Quit:         u.app.Quit,
	}
}

// ShowContacts opens the contact book: Settings on its Contacts tab.
func (u *UI) ShowContacts() { u.settings().ShowContacts() }

func (u *UI) setDoNotDisturb(on bool) {
	v := "false"
	if on {
		v = "true"
	}
	if err := u.d.Backend.Save(map[string]string{config.KeyDoNotDisturb: v}); err != nil {
		u.showProblem(i18n.T("Do not disturb was not changed"), err)
	}
	u.refreshTray()
}

// sendTestCall sends a test call in the background; its popup and the
// new row are the result, so only a failure is shown.
func (u *UI) sendTestCall() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if _, err := u.d.Backend.SendTestCall(ctx); err != nil {
			u.do(func() { u.showProblem(i18n.T("The test call failed"), err) })
		}
	}()
}

// popupAction does what the person clicked on a popup: open the call,
// call back, or add the caller to the contacts.
func (u *UI) popupAction(a service.PopupAction) {
	switch a.Key {
	case service.PopupCallBack:
		u.calls().callBack(a.Number)
	case service.PopupAddContact:
		u.addContact(a.Number)
	default:
		u.calls().ShowCallID(a.CallID)
	}
}

// addContact opens the contact form for number, prefilled, from the
// contact book in Settings; a known number opens its contact.
func (u *UI) addContact(number string) {
	c := contacts.Contact{Numbers: []contacts.Number{numberEntry(number, u.region())}}
	if m, ok := u.d.Book.Lookup(number); ok && m.Contact != nil {
		c = *m.Contact
	}
	s := u.settings()
	s.ShowContacts()
	s.contacts.openForm(c)
}

func (u *UI) calls() *CallsWindow {
	if u.callsWin == nil {
		u.callsWin = newCallsWindow(u.app, u.d.Calls, u.d.Book, u.region(), u.do, u.now)
		u.callsWin.dialer = u.dialer
		u.callsWin.onShown = u.markSeen
		u.callsWin.SetActions(u.trayActions())
		u.callsWin.SetState(u.state)
		if u.noTray {
			u.callsWin.SetNotice(noTrayNotice(u.state))
		}
	}
	return u.callsWin
}

func (u *UI) settings() *SettingsWindow {
	if u.settingsWin == nil {
		store := refreshingStore{u.d.Backend, func() {
			u.do(func() {
				u.refreshTray()
				u.applyRegion()
				u.applyLanguage()
			})
		}}
		u.settingsWin = newSettingsWindow(u.app, store, u.d.Backend, u.do, u.d.Book)
		if u.d.Login != nil {
			u.settingsWin.EnableStartAtLogin(u.d.Login)
		}
	}
	return u.settingsWin
}

// refreshingStore refreshes the tray and the windows after every save, so
// a change made in Settings (do not disturb, the port, the default
// country, the language) shows at once.
type refreshingStore struct {
	Backend
	after func()
}

func (r refreshingStore) Save(values map[string]string) error {
	err := r.Backend.Save(values)
	r.after()
	return err
}

// applyLanguage switches to the language in effect. Popups and the tray
// follow at once; open windows are built again in it.
func (u *UI) applyLanguage() {
	want := u.d.Backend.Current().UILanguage
	before := i18n.Language()
	if err := i18n.SetLanguage(want); err != nil || i18n.Language() == before {
		return
	}
	u.menuKey = ""
	u.refreshTray()
	if u.callsWin != nil {
		u.callsWin.Relabel()
	}
	if u.settingsWin != nil {
		u.settingsWin.Relabel()
	}
	if u.aboutWin != nil {
		u.aboutWin.Close()
		u.aboutWin = nil
	}
}

// backend is what the Settings window's store stands for: the Backend
// behind a refreshingStore, whose optional parts (sipgate, tunnel, team)
// the tabs look for.
func (w *SettingsWindow) backend() any {
	if r, ok := w.store.(refreshingStore); ok {
		return r.Backend
	}
	return w.store
}
