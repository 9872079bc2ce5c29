package contacts

import (
	"testing"
)

// TestOtherProcessEditSeenByLookupAndGet: what a second process changes
// in a contact (its note, address, numbers, blocking) reaches the app's
// Lookup, from memory, and its Get, whose times and source come from
// SQL.
func TestOtherProcessEditSeenByLookupAndGet(t *testing.T) {
	dir := t.TempDir()
	app, cmd := openBookIn(t, dir, nil), openBookIn(t, dir, nil)
	if _, err := cmd.Sync(ctx, "sipgate", []Contact{remoteContact("r1", "e1", "Anna", "Alt", "", "0211 7654321")}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the synced contact", func() bool { _, ok := app.Lookup("+492117654321"); return ok })
	m, _ := cmd.Lookup("+492117654321")
	c, err := cmd.Get(m.Contact.ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Note, c.Street, c.Numbers = "neu", "Königsallee 1", nums("0211 1111111")
	up, err := cmd.Update(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the edit", func() bool {
		m, ok := app.Lookup("+492111111111")
		return ok && m.Contact.Note == "neu" && m.Contact.Street == "Königsallee 1"
	})
	if _, ok := app.Lookup("+492117654321"); ok {
		t.Error("the number the other process took away still finds the contact")
	}
	got, err := app.Get(c.ID)
	if err != nil || !sameData(&got, &up) || !got.Updated.Equal(up.Updated) || !got.Created.Equal(up.Created) || got.Source != "sipgate" {
		t.Errorf("app.Get = %+v, %v; want %+v", got, err, up)
	}
	if err := cmd.SetBlocked(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the block", func() bool { m, ok := app.Lookup("+492111111111"); return ok && m.Contact.Blocked })
	if got, err := app.Get(c.ID); err != nil || !got.Blocked || !got.Updated.After(up.Updated) {
		t.Errorf("app.Get after the block = %+v, %v", got, err)
	}
}

// TestUpdateOfAMatchKeepsTheSource: a contact taken from a Match lacks
// its source fields; updating a copy of it keeps the stored ones, so the
// next Sync still knows the contact.
func TestUpdateOfAMatchKeepsTheSource(t *testing.T) {
	b, _ := newBook(t)
	remote := []Contact{remoteContact("r1", "e1", "Anna", "Alt", "", "0211 7654321")}
	if _, err := b.Sync(ctx, "sipgate", remote); err != nil {
		t.Fatal(err)
	}
	m, _ := b.Lookup("+492117654321")
	if m.Contact.Source != "" || !m.Contact.Created.IsZero() {
		t.Errorf("Match.Contact = %+v; want the fields kept in SQL empty", *m.Contact)
	}
	edited := *m.Contact
	edited.Note = "meine Notiz"
	if _, err := b.Update(ctx, edited); err != nil {
		t.Fatal(err)
	}
	got, err := b.Get(edited.ID)
	if err != nil || got.Source != "sipgate" || got.RemoteID != "r1" || got.ETag != "e1" || got.Created.IsZero() || got.Note != "meine Notiz" {
		t.Errorf("after updating the Match's contact: Get = %+v, %v", got, err)
	}
	if rep, err := b.Sync(ctx, "sipgate", remote); err != nil || rep.Imported+rep.Removed != 0 {
		t.Errorf("Sync after the update = %+v, %v; want the contact still the source's", rep, err)
	}
}
