package contacts

import (
	"testing"
)

func remoteContact(id, etag, first, last, note string, numbers ...string) Contact {
	return Contact{RemoteID: id, ETag: etag, FirstName: first, LastName: last, Note: note, Numbers: nums(numbers...)}
}

func TestSync(t *testing.T) {
	b, _ := newBook(t)
	local := mustAdd(t, b, Contact{FirstName: "Lokal", Numbers: nums("0211 9999999")})
	remote := []Contact{
		remoteContact("r1", "e1", "Anna", "Alt", "von sipgate", "0211 1111111"),
		remoteContact("r2", "e1", "Bernd", "Berg", "", "0211 2222222", "0211 9999999"), // the second number is Lokal's
		remoteContact("r3", "e1", "Carl", "Cord", "", "0211 3333333"),
		{RemoteID: "r4", Numbers: nums("0211 4444444")}, // no name
	}
	rep, err := b.Sync(ctx, "sipgate", remote)
	if err != nil || rep.Imported != 3 || rep.Skipped != 1 || len(rep.Problems) != 2 || rep.Problems[0].Reason.Code != CodeNumberTaken || !rep.Problems[1].Reason.Skips() {
		t.Fatalf("first Sync = %+v, %v", rep, err)
	}
	if m, ok := b.Lookup("+492119999999"); !ok || m.Contact.ID != local.ID {
		t.Errorf("Sync took a local contact's number: %+v", m.Contact)
	}
	if rep, err := b.Sync(ctx, "sipgate", remote); err != nil || rep.Imported+rep.Updated+rep.Removed != 0 || rep.Unchanged != 3 {
		t.Errorf("second Sync = %+v, %v; want nothing changed", rep, err)
	}
	// The person edits Anna's note and Carl's numbers here; the source
	// changes Anna's last name and note, Carl's numbers, and drops Bernd.
	anna, _ := b.Lookup("+492111111111")
	edited := *anna.Contact
	edited.Note = "meine Notiz"
	if _, err := b.Update(ctx, edited); err != nil {
		t.Fatal(err)
	}
	carl, _ := b.Lookup("+492113333333")
	editedCarl := *carl.Contact
	editedCarl.Numbers = nums("0211 3333334")
	if _, err := b.Update(ctx, editedCarl); err != nil {
		t.Fatal(err)
	}
	remote = []Contact{
		remoteContact("r1", "e2", "Anna", "Neu", "von sipgate, geändert", "0211 1111111"),
		remoteContact("r3", "e2", "Carl", "Cord", "", "0211 3333335"),
	}
	rep, err = b.Sync(ctx, "sipgate", remote)
	if err != nil || rep.Updated != 2 || rep.Removed != 1 || rep.Imported != 0 {
		t.Fatalf("third Sync = %+v, %v", rep, err)
	}
	got, _ := b.Get(anna.Contact.ID)
	if got.LastName != "Neu" || got.Note != "meine Notiz" || got.ETag != "e2" || got.Source != "sipgate" {
		t.Errorf("Anna after the sync = %+v; want the new last name and the local note", got)
	}
	got, _ = b.Get(carl.Contact.ID)
	if len(got.Numbers) != 1 || got.Numbers[0].E164 != "+492113333334" {
		t.Errorf("Carl after the sync = %+v; want the local numbers", got.Numbers)
	}
	if _, ok := b.Lookup("+492112222222"); ok || b.Count() != 3 {
		t.Errorf("Bernd was not removed: Count %d", b.Count())
	}
	if rep, err := b.Sync(ctx, "sipgate", remote); err != nil || rep.Updated+rep.Imported+rep.Removed != 0 {
		t.Errorf("Sync again = %+v, %v; want nothing changed", rep, err)
	}
	reopened, err := Open(b.st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := reopened.Sync(ctx, "sipgate", remote); err != nil || rep.Updated+rep.Imported+rep.Removed != 0 {
		t.Errorf("Sync after reopening = %+v, %v; want nothing changed", rep, err)
	}
	if rep, err := b.Sync(ctx, "carddav:https://dav.example.com/", nil); err != nil || rep.Removed != 0 || b.Count() != 3 {
		t.Errorf("an empty sync of another source = %+v, %v: it must not touch sipgate's contacts", rep, err)
	}
	if _, err := b.Sync(ctx, " ", nil); err == nil {
		t.Error("Sync with no source did not fail")
	}
}
