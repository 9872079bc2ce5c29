package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// newTestUI is the UI on a test app, over the real call history and book
// of b and a fake service; the app has no tray.
func newTestUI(t *testing.T, b *backend, status service.Status) (*UI, *fakeBackend, uiQueue) {
	t.Helper()
	fb := &fakeBackend{fakeSettings: newFakeSettings(t), status: status}
	q := newUIQueue()
	u := newUI(test.NewTempApp(t), Deps{Backend: fb, Calls: b.tracker, Book: b.book}, q.do, b.clock.Now)
	t.Cleanup(func() {
		if u.callsWin != nil {
			u.callsWin.Close()
		}
	})
	return u, fb, q
}

var portInUse = &webhook.ListenError{Kind: webhook.ListenPortInUse, Addr: "127.0.0.1:8080", Port: 8080}

// Without a tray the window opens by itself, tells the truth about the
// listener, and its toolbar reaches every function.
func TestHomeWithoutTrayReachesEverything(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	u, fb, q := newTestUI(t, b, service.Status{Addr: "127.0.0.1:8080", Err: portInUse})
	u.state = u.trayState()
	u.openWithoutTray()
	w := u.callsWin
	if n := w.notice.Text; strings.Contains(n, "It listens") || !strings.Contains(n, "does not listen") {
		t.Errorf("notice while the port is taken = %q, want it to say it does not listen", n)
	}
	if s := w.home.status.Text; !strings.HasPrefix(s, "Not listening: Port 8080 is already in use") {
		t.Errorf("status line = %q, want the port problem", s)
	}
	if !w.home.testCall.Disabled() {
		t.Error("Send test call is enabled while not listening")
	}
	test.Tap(w.home.settings)
	if u.settingsWin == nil || !u.settingsWin.win.Content().Visible() {
		t.Fatal("Settings did not open from the toolbar")
	}
	test.Tap(w.home.contacts)
	if got := u.settingsWin.tabs.Selected().Text; got != "Contacts" {
		t.Errorf("Contacts opened the Settings tab %q, want Contacts", got)
	}
	test.Tap(w.home.dnd)
	if saves := fb.savesMade(); len(saves) != 1 || saves[0][config.KeyDoNotDisturb] != "true" {
		t.Errorf("Do not disturb saved %v, want DO_NOT_DISTURB=true", saves)
	}
	test.Tap(w.home.about)
	if u.aboutWin == nil || !strings.Contains(texts(u.aboutWin.Content()), "whoiscalling") {
		t.Error("About opened no window about whoiscalling")
	}

	fb.setStatus(service.Status{Addr: "127.0.0.1:8081", Listening: true})
	u.pushTray()
	q.until(t, "the status follows the listener", func() bool { return strings.HasPrefix(w.home.status.Text, "Listening on 127.0.0.1:8081") })
	if n := w.notice.Text; !strings.Contains(n, "It listens") {
		t.Errorf("notice while listening = %q", n)
	}
	if w.home.testCall.Disabled() {
		t.Error("Send test call is disabled while listening")
	}
}

func TestStatusLineNamesThePublicURL(t *testing.T) {
	s := TrayState{Addr: "127.0.0.1:8080", Listening: true, PublicURL: "https://wic.example.org/"}
	if got, want := StatusLine(s), "Listening on 127.0.0.1:8080 · public URL https://wic.example.org/ · no webhook yet"; got != want {
		t.Errorf("StatusLine = %q, want %q", got, want)
	}
}

// Clicks on a popup open the call, the prefilled contact form in
// Settings' Contacts tab, or call back.
func TestPopupClicks(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	u, fb, q := newTestUI(t, b, service.Status{Listening: true})
	rows, _ := b.tracker.Recent(t.Context(), calls5(b, t))
	if len(rows) != 1 {
		t.Fatalf("the fixture has %d missed calls from 415, want 1", len(rows))
	}
	missed := rows[0]
	fb.click(service.PopupAction{Key: "default", CallID: missed.ID})
	q.until(t, "the call is shown", func() bool { return u.callsWin != nil && u.callsWin.selected == missed.ID })
	fb.click(service.PopupAction{Key: service.PopupAddContact, CallID: missed.ID, Number: "+14155550132"})
	q.until(t, "the form opens", func() bool {
		return u.settingsWin != nil && u.settingsWin.contacts.form != nil
	})
	f := u.settingsWin.contacts.form
	if got := f.numbers[0].entry.Text; got != "+1 415-555-0132" {
		t.Errorf("Add contact prefilled %q, want +1 415-555-0132", got)
	}
	if got := u.settingsWin.tabs.Selected().Text; got != "Contacts" {
		t.Errorf("Add contact opened Settings on %q, want Contacts", got)
	}
	dialled := make(recordDialer, 1)
	u.callsWin.dialer = dialled
	fb.click(service.PopupAction{Key: service.PopupCallBack, CallID: missed.ID, Number: "+14155550132"})
	var number string
	q.until(t, "the call back is dialled", func() bool {
		select {
		case number = <-dialled:
			return true
		default:
			return false
		}
	})
	if number != "+14155550132" {
		t.Errorf("Call back dialled %q", number)
	}
}

// The tray counts the missed calls not seen yet; opening the window
// sees them.
func TestUnseenMissedCalls(t *testing.T) {
	b := newBackend(t)
	u, _, q := newTestUI(t, b, service.Status{Listening: true})
	if n := u.trayState().Unseen; n != 0 {
		t.Fatalf("unseen on the first start = %d, want 0", n)
	}
	seed(t, b)
	s := u.trayState()
	if s.Unseen != 2 {
		t.Errorf("unseen after 2 missed calls = %d, want 2", s.Unseen)
	}
	if m := BuildTrayMenu(s, TrayActions{RecentCalls: func() {}}); m.Items[1].Label != "✗ 2 missed calls" {
		t.Errorf("tray entry = %q, want ✗ 2 missed calls", m.Items[1].Label)
	}
	if name, _ := trayIcon(s); name != "tray-missed.png" {
		t.Errorf("tray icon = %s, want the missed badge", name)
	}
	u.ShowRecentCalls()
	q.until(t, "the calls are seen", func() bool { return u.state.Unseen == 0 && u.state.Now.After(s.Now.Add(-1)) && u.seen.upTo > 0 })
	if n := u.trayState().Unseen; n != 0 {
		t.Errorf("unseen after opening the window = %d, want 0", n)
	}
}

// Keyboard: arrows move the selection, Ctrl+F focuses search, Escape
// closes a dialog, Ctrl+N opens a new contact form, Enter saves it and
// Escape closes it.
func TestCallsKeyboard(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.win.Canvas().Focus(w.list)
	key := func(k fyne.KeyName) { w.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if w.selectedRow() != 1 {
		t.Errorf("two Down keys selected row %d, want 1", w.selectedRow())
	}
	key(fyne.KeyUp)
	if w.selectedRow() != 0 {
		t.Errorf("Up selected row %d, want 0", w.selectedRow())
	}
	ctrl := func(win fyne.Window, k fyne.KeyName) {
		win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	ctrl(w.win, fyne.KeyF)
	if w.win.Canvas().Focused() != w.search {
		t.Error("Ctrl+F did not focus the search")
	}
	key(fyne.KeyDown)
	if w.win.Canvas().Focused() != w.list {
		t.Error("Down in the search did not move into the list")
	}
	key(fyne.KeyDelete)
	if w.details.deleteConfirm == nil || len(w.win.Canvas().Overlays().List()) != 1 {
		t.Fatal("Delete asked nothing")
	}
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(w.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("Escape left %d dialogs open", n)
	}
	ctrl(w.win, fyne.KeyN)
	f := w.form
	if f == nil {
		t.Fatal("Ctrl+N opened no contact form")
	}
	test.Type(f.first, "Nina")
	test.Type(f.numbers[0].entry, "0211 555001")
	f.first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, ok := b.book.Lookup("+49211555001"); !ok {
		t.Errorf("Enter in the form did not save: %q", f.problem.Text)
	}
	g := contactFormFor(w.app, w.book, w.region, contactWith("0171 2223334"))
	g.Show()
	g.first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, open := openForms[formKey(g.contact)]; open {
		t.Error("Escape did not close the contact form")
	}
}

// A call can be deleted; it is gone from the list and the history.
func TestCallsDeleteACall(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(0)
	id := w.selected
	test.Tap(w.details.remove)
	w.details.deleteConfirm.Confirm()
	if w.page.length() != 6 || w.selected == id {
		t.Errorf("after deleting: %d rows, selected %d; want 6 and not %d", w.page.length(), w.selected, id)
	}
	if rows, _ := b.tracker.Recent(t.Context(), recentAll); len(rows) != 6 {
		t.Errorf("the history has %d calls after deleting one, want 6", len(rows))
	}
}

func TestErrorsAreSentences(t *testing.T) {
	if got := (&TelError{Err: errors.New("exec: xdg-open not found")}).Error(); !strings.Contains(got, "could not be opened") {
		t.Errorf("TelError = %q", got)
	}
}

// Choosing German in Settings switches the open windows and the menu at
// once.
func TestLanguageSwitchesAtOnce(t *testing.T) {
	defer i18n.SetLanguage("en")
	b := newBackend(t)
	seed(t, b)
	u, _, q := newTestUI(t, b, service.Status{Listening: true})
	u.ShowRecentCalls()
	s := u.settings()
	s.Show()
	s.field(config.KeyUILanguage).choice.SetSelected("Deutsch")
	test.Tap(s.save)
	q.until(t, "the language applies", func() bool { return u.callsWin.win.Title() == "Letzte Anrufe" })
	if got := u.callsWin.home.settings.Text; got != "Einstellungen" {
		t.Errorf("the toolbar reads %q after switching to German", got)
	}
	if got := s.win.Title(); got != "Einstellungen" {
		t.Errorf("the Settings window is titled %q", got)
	}
	if m := BuildTrayMenu(u.state, u.trayActions()); find(t, m, "Beenden") == nil {
		t.Error("the tray menu is not German")
	}
}

// A test call is marked as one, and its delete button removes every test
// call at once, keeping the real ones.
func TestCallsRemoveTestCalls(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	for _, id := range []string{"T1", "T2"} {
		if _, err := b.tracker.Respond(t.Context(), webhook.Event{Type: webhook.NewCall, Direction: webhook.In, CallID: id,
			From: "+" + service.TestCaller, To: "+4921155500123", Users: []string{service.TestUser}}); err != nil {
			t.Fatal(err)
		}
	}
	w, q := openCalls(t, b)
	w.list.Select(0)
	if !strings.HasPrefix(w.details.status.Text, "Test call · ") || w.details.remove.Text != "Remove test calls" {
		t.Fatalf("a test call shows %q with button %q", w.details.status.Text, w.details.remove.Text)
	}
	test.Tap(w.details.remove)
	w.details.deleteConfirm.Confirm()
	q.until(t, "the list without test calls", func() bool { return w.page.length() == 7 })
	rows, _ := b.tracker.Recent(t.Context(), recentAll)
	if len(rows) != 7 {
		t.Errorf("after removing the test calls: history %d, list %d; want the 7 real calls", len(rows), w.page.length())
	}
	for _, c := range rows {
		if service.IsTestCall(c) {
			t.Errorf("test call %d is still there", c.ID)
		}
	}
}
