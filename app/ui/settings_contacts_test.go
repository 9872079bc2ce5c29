package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
)

// Issue 18: the contact book is edited in Settings. A contact added in
// the Contacts tab names the next call from its number; an edit there
// shows in the Contacts window at once.
func TestSettingsContactsTab(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	a := test.NewTempApp(t)
	q := newUIQueue()
	s := newSettingsWindow(a, newFakeSettings(t), nil, q.do, b.book)
	s.ShowContacts()
	if got := s.tabs.Selected().Text; got != "Contacts" {
		t.Fatalf("ShowContacts selected %q", got)
	}
	if !s.saveBar.Hidden {
		t.Error("the settings' Save bar shows on the Contacts tab")
	}
	v := s.contacts
	test.Tap(v.add)
	test.Type(v.form.first, "Nina")
	test.Type(v.form.last, "Neumann")
	test.Type(v.form.numbers[0].entry, "0211 555001")
	test.Tap(v.form.save)

	b.push(t, time.Minute, line{"c9", "in", "+49211555001", office}.ring(anna))
	rows, err := b.tracker.Recent(t.Context(), calls.Query{Limit: 1})
	if err != nil || len(rows) != 1 || rows[0].Contact != "Nina Neumann" {
		t.Fatalf("the next call from the new number = %+v, %v; want it named Nina Neumann", rows, err)
	}

	win := newContactsWindow(a, b.book, "DE", q.do)
	win.Show()
	v.openForm(mustLookup(t, b, "+49211555001"))
	test.Type(v.form.company, "Neumann GmbH")
	test.Tap(v.form.save)
	q.until(t, "the Contacts window shows the edit", func() bool {
		return strings.Contains(names(win.ContactsView), "Nina Neumann") && companyShown(win, "Neumann GmbH")
	})
}

func companyShown(w *ContactsWindow, company string) bool {
	for _, c := range w.rows {
		if c.Company == company {
			return true
		}
	}
	return false
}

// The language choice is a list, not free text, and saves its code.
func TestSettingsLanguage(t *testing.T) {
	store := newFakeSettings(t)
	w, q := openSettings(t, store, nil)
	f := w.field("UI_LANGUAGE")
	f.choice.SetSelected("Deutsch")
	test.Tap(w.save)
	q.until(t, "the save is done", func() bool { return !w.save.Disabled() })
	if saves := store.savesMade(); len(saves) != 1 || saves[0]["UI_LANGUAGE"] != "de" {
		t.Errorf("saved %v, want UI_LANGUAGE=de", saves)
	}
}

func mustLookup(t *testing.T, b *backend, e164 string) contacts.Contact {
	t.Helper()
	m, ok := b.book.Lookup(e164)
	if !ok {
		t.Fatalf("no contact has %s", e164)
	}
	return *m.Contact
}

// A file chosen in the import dialog (perhaps by the second click of a
// double click on a folder) is imported only after the person confirms.
func TestImportAsksFirst(t *testing.T) {
	b := newBackend(t)
	w, q := openContacts(t, b)
	path := filepath.Join(t.TempDir(), "friends.vcf")
	if err := os.WriteFile(path, []byte(friendsVCF), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	w.confirmImport(r)
	if rows, _ := b.book.List(t.Context(), ""); len(rows) != 0 || w.importAsk == nil {
		t.Fatalf("choosing a file imported %d contacts before asking", len(rows))
	}
	if !strings.Contains(overlayText(w.win), "friends.vcf") {
		t.Errorf("the question reads %q, want it to name the file", overlayText(w.win))
	}
	w.importAsk.Confirm()
	q.until(t, "the import is done", func() bool { return w.transfer.summary != nil })
	if rows, _ := b.book.List(t.Context(), ""); len(rows) == 0 {
		t.Error("confirming imported nothing")
	}
}
