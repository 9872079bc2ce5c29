package ui

import (
	"testing"

	"github.com/whoiscalling/whoiscalling/app/service"
)

// Closing Settings lets go of the contact list; opening it again reads it
// again, with the changes made meanwhile.
func TestClosedSettingsHoldNoContacts(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	u, _, _ := newTestUI(t, b, service.Status{Addr: "127.0.0.1:8080", Listening: true})
	w := u.settings()
	w.ShowContacts()
	if n := len(w.contacts.rows); n != 4 {
		t.Fatalf("Settings shows %d contacts, want 4", n)
	}
	w.hide()
	if w.contacts.rows != nil {
		t.Errorf("hidden Settings still holds %d contacts", len(w.contacts.rows))
	}
	c := contactWith("0221 1234567")
	c.FirstName = "Neu"
	b.addContact(t, c)
	if w.contacts.rows != nil {
		t.Errorf("a book change while hidden read %d contacts", len(w.contacts.rows))
	}
	w.Show()
	if n := len(w.contacts.rows); n != 5 {
		t.Errorf("Settings shown again lists %d contacts, want 5", n)
	}
}
