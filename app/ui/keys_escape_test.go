package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// With a dialog open, Escape closes the dialog and leaves the window
// open; the next Escape closes the window.
func TestEscapeClosesTheDialogFirst(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(0)
	w.win.Canvas().Focus(w.list)
	press(w.win, fyne.KeyDelete)
	if n := len(w.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("Delete opened %d dialogs, want 1", n)
	}
	press(w.win, fyne.KeyEscape)
	if n := len(w.win.Canvas().Overlays().List()); n != 0 || !w.visible {
		t.Errorf("Escape over a dialog: %d dialogs left, window open %t; want 0, true", n, w.visible)
	}
	if w.page.length() != 7 {
		t.Errorf("Escape over the Delete question deleted a call: %d rows, want 7", w.page.length())
	}
	press(w.win, fyne.KeyEscape)
	if w.visible {
		t.Error("the second Escape did not close the window")
	}

	cw, _ := openContacts(t, b)
	cw.list.Select(0)
	test.Tap(cw.detail.remove)
	cw.win.Canvas().Focus(cw.list)
	press(cw.win, fyne.KeyEscape)
	if n := len(cw.win.Canvas().Overlays().List()); n != 0 || cw.asleep {
		t.Errorf("Contacts, Escape over a dialog: %d dialogs left, closed %t; want 0, false", n, cw.asleep)
	}
	press(cw.win, fyne.KeyEscape)
	if !cw.asleep {
		t.Error("Contacts: the second Escape did not close the window")
	}
}

// Escape in a search that holds text clears the search and leaves the
// window open; in an empty search it closes the window.
func TestEscapeInSearchClearsItFirst(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	cw, _ := openContacts(t, b)
	for _, tc := range []struct {
		name   string
		win    fyne.Window
		search *keyEntry
		closed func() bool
	}{
		{"Recent calls", w.win, w.search, func() bool { return !w.visible }},
		{"Contacts", cw.win, cw.search, func() bool { return cw.asleep }},
	} {
		tc.win.Canvas().Focus(tc.search)
		test.Type(tc.search, "Erika")
		press(tc.win, fyne.KeyEscape)
		if tc.search.Text != "" || tc.closed() {
			t.Errorf("%s: Escape in a search for Erika left %q, closed %t; want \"\", false", tc.name, tc.search.Text, tc.closed())
		}
		press(tc.win, fyne.KeyEscape)
		if !tc.closed() {
			t.Errorf("%s: Escape in the empty search did not close the window", tc.name)
		}
	}
}

// An entry hands the window its Ctrl shortcuts but keeps its own: Ctrl+F
// still searches, Ctrl+Backspace deletes the word before the cursor.
func TestEntryKeepsItsOwnShortcuts(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.win.Canvas().Focus(w.search)
	test.Type(w.search, "Erika Muster")
	pressCtrl(w.win, fyne.KeyBackspace)
	if w.search.Text != "Erika " || !w.visible {
		t.Errorf("Ctrl+Backspace left %q, window open %t; want %q, true", w.search.Text, w.visible, "Erika ")
	}
	w.win.Canvas().Focus(w.list)
	pressCtrl(w.win, fyne.KeyF)
	if w.win.Canvas().Focused() != w.search {
		t.Error("Ctrl+F did not focus the search")
	}
}

// The window that stands in for the tray quits on its close button and
// Ctrl+W, and not on a stray Escape.
func TestOnlyWindowQuitsOnCtrlWNotEscape(t *testing.T) {
	win := test.NewTempApp(t).NewWindow("whoiscalling")
	hidden, quit := false, false
	k := newWindowKeys(win, func() { hidden = true })
	k.quits(func() { quit = true })
	press(win, fyne.KeyEscape)
	if quit || hidden {
		t.Errorf("Escape: quit %t, hidden %t; want neither", quit, hidden)
	}
	pressCtrl(win, fyne.KeyW)
	if !quit || hidden {
		t.Errorf("Ctrl+W: quit %t, hidden %t; want quit only", quit, hidden)
	}
}
