package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// press types key k into win as the desktop driver does: to the focused
// widget, else to the window.
func press(win fyne.Window, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if fn := win.Canvas().OnTypedKey(); fn != nil {
		fn(ev)
	}
}

// pressCtrl types Ctrl+k into win as the desktop driver does: to the
// focused widget when it takes shortcuts, else to the window.
func pressCtrl(win fyne.Window, k fyne.KeyName) {
	s := &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	if f, ok := win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// secondaryWindow is one window the keys must close: open shows it with
// a given widget focused (nil: none) and returns its window; closed
// reports whether it is closed, by what the close button would have
// left behind.
type secondaryWindow struct {
	name   string
	open   func(t *testing.T, focus string) fyne.Window
	closed func() bool
}

// secondaryWindows builds each window on one UI over a seeded history.
func secondaryWindows(t *testing.T) []secondaryWindow {
	b := newBackend(t)
	seed(t, b)
	u, _, _ := newTestUI(t, b, service.Status{Listening: true})
	var cw *ContactsWindow
	var form *contactForm
	var problemClosed bool
	focus := func(win fyne.Window, o fyne.Focusable) fyne.Window {
		win.Canvas().Focus(o)
		return win
	}
	return []secondaryWindow{
		{"Recent calls", func(t *testing.T, f string) fyne.Window {
			w := u.calls()
			w.Show()
			if f == "entry" {
				return focus(w.win, w.search)
			}
			return w.win
		}, func() bool { return !u.callsWin.visible }},
		{"Contacts", func(t *testing.T, f string) fyne.Window {
			if cw == nil {
				cw = newContactsWindow(u.app, b.book, "DE", u.do)
			}
			cw.Show()
			if f != "entry" {
				return focus(cw.win, cw.list)
			}
			return cw.win
		}, func() bool { return cw.asleep }},
		{"Settings", func(t *testing.T, f string) fyne.Window {
			s := u.settings()
			s.Show()
			if f == "entry" {
				return focus(s.win, s.field(config.KeyPort).entry)
			}
			return s.win
		}, func() bool { return u.settingsWin.contacts.asleep }},
		{"About", func(t *testing.T, f string) fyne.Window {
			u.showAbout()
			return u.aboutWin
		}, func() bool { return u.aboutWin == nil }},
		{"contact form", func(t *testing.T, f string) fyne.Window {
			form = contactFormFor(u.app, b.book, "DE", contactWith("0211 7654321"))
			form.Show()
			if f == "entry" {
				return focus(form.win, form.note)
			}
			return focus(form.win, nil)
		}, func() bool { _, open := openForms[formKey(form.contact)]; return !open }},
		{"problem", func(t *testing.T, f string) fyne.Window {
			problemClosed = false
			w := problemWindow(u.app, "Problem", portInUse, func() { problemClosed = true })
			w.Show()
			return w
		}, func() bool { return problemClosed }},
	}
}

// Every secondary window closes on Ctrl+W and on Escape, also with the
// cursor in a field, the way its close button closes it.
func TestKeysCloseEverySecondaryWindow(t *testing.T) {
	keys := []struct {
		name  string
		press func(fyne.Window)
	}{
		{"Ctrl+W", func(w fyne.Window) { pressCtrl(w, fyne.KeyW) }},
		{"Escape", func(w fyne.Window) { press(w, fyne.KeyEscape) }},
	}
	for _, sw := range secondaryWindows(t) {
		for _, k := range keys {
			for _, focus := range []string{"none", "entry"} {
				win := sw.open(t, focus)
				if sw.closed() {
					t.Fatalf("%s: closed right after opening", sw.name)
				}
				k.press(win)
				if !sw.closed() {
					t.Errorf("%s, focus %s: %s did not close it", sw.name, focus, k.name)
				}
			}
		}
	}
}
