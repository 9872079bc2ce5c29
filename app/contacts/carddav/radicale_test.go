package carddav

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/contacts/carddav/carddavtest"
)

// TestRadicaleSync runs the life of a synced book against a real
// Radicale: import, nothing changed, a remote change, a local edit that
// survives, a remote deletion.
func TestRadicaleSync(t *testing.T) {
	r := carddavtest.Start(t, "anna", "secret")
	bookURL := r.MakeBook(t, "contacts")
	r.Put(t, bookURL, "anna.vcf", card(t, "anna.vcf"))
	r.Put(t, bookURL, "bernd.vcf", card(t, "bernd.vcf"))
	book, dir := openBook(t)
	c := newClient(t, Account{URL: r.URL + "/anna/", Username: "anna", Password: "secret"}, dir)
	ctx := context.Background()

	res := mustSync(t, c, book)
	if res.Imported != 2 || res.Fetched != 2 || len(res.AddressBooks) != 1 || res.AddressBooks[0] != bookURL {
		t.Fatalf("first sync: %s, books %v; want 2 added, 2 fetched from %s", counts(res), res.AddressBooks, bookURL)
	}
	if st := loadState(StatePath(dir), c.account(), c.log); st.Books[bookURL] == nil || st.Books[bookURL].Token == "" {
		t.Errorf("after the first sync the state has no sync token for %s: %+v", bookURL, st.Books)
	}
	for number, want := range map[string]string{"+491712345678": "Anna Schmidt", "+492111234567": "Anna Schmidt",
		"+49301234567": "Bernd Müller", "+46812345678": "Bernd Müller"} {
		if got := named(book, number); got != want {
			t.Errorf("Lookup(%s) = %q, want %q", number, got, want)
		}
	}

	res = mustSync(t, c, book)
	if res.Imported+res.Updated+res.Removed != 0 || res.Unchanged != 2 || res.Fetched != 0 || book.Count() != 2 {
		t.Fatalf("second sync, nothing changed: %s, %d contacts; want 2 unchanged, nothing fetched", counts(res), book.Count())
	}

	anna := card(t, "anna.vcf")
	anna = strings.Replace(anna, "NOTE:Calls about the alarm system", "NOTE:Calls about the cameras\nTEL;TYPE=HOME:+49 221 555666", 1)
	r.Put(t, bookURL, "anna.vcf", anna)
	res = mustSync(t, c, book)
	if res.Updated != 1 || res.Fetched != 1 || res.Unchanged != 1 {
		t.Fatalf("after a remote change: %s; want 1 updated, 1 fetched, 1 unchanged", counts(res))
	}
	m, ok := book.Lookup("+49221555666")
	if !ok || m.Contact.Note != "Calls about the cameras" {
		t.Fatalf("the changed card: Lookup(+49221555666) = %+v, %v; want Anna with the new note", m.Contact, ok)
	}

	local, err := book.Get(m.Contact.ID)
	if err != nil {
		t.Fatal(err)
	}
	local.Note = "Prefers e-mail"
	if _, err := book.Update(ctx, local); err != nil {
		t.Fatal(err)
	}
	anna = strings.Replace(anna, "ORG:Milton Security;Support", "ORG:Hedestad Industries", 1)
	anna = strings.Replace(anna, "NOTE:Calls about the cameras", "NOTE:Remote note", 1)
	r.Put(t, bookURL, "anna.vcf", anna)
	mustSync(t, c, book)
	got, _ := book.Get(m.Contact.ID)
	if got.Note != "Prefers e-mail" || got.Company != "Hedestad Industries" {
		t.Fatalf("after a local edit of the note and a remote change: note %q, company %q; want the local note and the remote company", got.Note, got.Company)
	}

	r.Delete(t, bookURL, "bernd.vcf")
	res = mustSync(t, c, book)
	if res.Removed != 1 || book.Count() != 1 || named(book, "+46812345678") != "" {
		t.Fatalf("after a remote deletion: %s, %d contacts, +46812345678 is %q; want Bernd removed", counts(res), book.Count(), named(book, "+46812345678"))
	}
}

// TestRadicaleDiscovery finds the book from the server's root, the
// user's collection and the book's own URL, without a password check.
func TestRadicaleDiscovery(t *testing.T) {
	r := carddavtest.Start(t, "anna", "")
	bookURL := r.MakeBook(t, "contacts")
	r.Put(t, bookURL, "anna.vcf", card(t, "anna.vcf"))
	for _, u := range []string{r.URL, r.URL + "/anna/", bookURL, strings.TrimSuffix(bookURL, "/")} {
		book, dir := openBook(t)
		c := newClient(t, Account{URL: u, Username: "anna", Password: "any"}, dir)
		res := mustSync(t, c, book)
		if res.Imported != 1 || named(book, "+491712345678") != "Anna Schmidt" {
			t.Errorf("sync from %s: %s, books %v; want Anna added", u, counts(res), res.AddressBooks)
		}
	}
}

// TestRadicaleWrongPassword says which settings to check, and changes
// nothing.
func TestRadicaleWrongPassword(t *testing.T) {
	r := carddavtest.Start(t, "anna", "secret")
	bookURL := r.MakeBook(t, "contacts")
	r.Put(t, bookURL, "anna.vcf", card(t, "anna.vcf"))
	book, dir := openBook(t)
	c := newClient(t, Account{URL: r.URL + "/anna/", Username: "anna", Password: "wrong"}, dir)
	_, err := c.Sync(context.Background(), book)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindLogin {
		t.Fatalf("Sync with a wrong password = %v, want a login error", err)
	}
	for _, want := range []string{"CARDDAV_USERNAME", "CARDDAV_PASSWORD", "401"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if book.Count() != 0 {
		t.Errorf("the book has %d contacts after a failed sync, want 0", book.Count())
	}
}
