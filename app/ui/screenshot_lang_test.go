package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// The README's screenshots, in English and German: the recent-calls
// window as the home (toolbar, status line), Settings on its Contacts
// tab, and the General tab. WHOISCALLING_UI_SHOTS keeps the files.
func TestScreenshotsInBothLanguages(t *testing.T) {
	dir := shotDir(t)
	defer i18n.SetLanguage("en")
	for _, lang := range []string{"en", "de"} {
		suffix := ""
		if lang == "de" {
			suffix = "-de"
		}
		a := shotApp(t, theme.VariantLight)
		b := newBackend(t)
		seed(t, b)
		fb := &fakeBackend{fakeSettings: newFakeSettings(t), status: service.Status{Addr: "127.0.0.1:8080", Listening: true}}
		if err := fb.Save(map[string]string{"UI_LANGUAGE": lang, "WEBHOOK_SERVER_ADDRESS": "https://wic.example.org/"}); err != nil {
			t.Fatal(err)
		}
		u := newUI(a, Deps{Backend: fb, Calls: b.tracker, Book: b.book}, newUIQueue().do, b.clock.Now)
		u.state = u.trayState()
		w := u.calls()
		w.Show()
		w.list.Select(4)
		shoot(t, w.win, dir, "recent-calls"+suffix)
		w.win.Resize(fyne.NewSize(400, 300))
		shoot(t, w.win, dir, "recent-calls-small"+suffix)
		u.ShowContacts()
		s := u.settingsWin
		s.contacts.list.Select(0)
		shoot(t, s.win, dir, "settings-contacts"+suffix)
		s.tabs.SelectIndex(2)
		shoot(t, s.win, dir, "settings"+suffix)
		w.Close()
	}
}
