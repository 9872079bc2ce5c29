package contacts

import (
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// openBookIn opens a book in dir as the app does, closed after the test.
func openBookIn(t *testing.T, dir string, legacy *store.Store) *Book {
	t.Helper()
	b, err := OpenIn(dir, legacy, "DE", quiet)
	if err != nil {
		t.Fatalf("OpenIn(%s) = %v", dir, err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// eventually polls cond until it holds or a generous deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not seen within 20 s", what)
		}
	}
}

// TestOtherProcessChangesAreSeen runs two books on the same file, as the
// running app and a `whoiscalling contacts ...` command would: what one
// adds, imports or removes, the other finds without a restart.
func TestOtherProcessChangesAreSeen(t *testing.T) {
	dir := t.TempDir()
	app, cmd := openBookIn(t, dir, nil), openBookIn(t, dir, nil)
	changed := make(chan struct{}, 16)
	app.OnChange(func() { changed <- struct{}{} })

	anna := mustAdd(t, cmd, Contact{FirstName: "Anna", Numbers: nums("0211 7654321")})
	eventually(t, "the added contact", func() bool {
		m, ok := app.Lookup("+492117654321")
		return ok && m.Contact.ID == anna.ID && m.Contact.FirstName == "Anna"
	})
	select {
	case <-changed:
	case <-time.After(20 * time.Second):
		t.Fatal("OnChange was not called after the reload")
	}

	vcf := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bernd\r\nN:;Bernd;;;\r\nTEL:0221 1234567\r\nEND:VCARD\r\n"
	if _, err := cmd.Import(ctx, strings.NewReader(vcf), "b.vcf", nil); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the imported contact", func() bool { _, ok := app.Lookup("+492211234567"); return ok })

	if err := cmd.Remove(ctx, anna.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the removal", func() bool { _, ok := app.Lookup("+492117654321"); return !ok })
	if app.Count() != 1 {
		t.Errorf("app book has %d contacts, want 1", app.Count())
	}
}

// TestChangeCheckedAgainstTheFile gives a number to a contact in one
// book, then to another contact through a second book that has not
// looked for changes (it does not watch): the second book must catch up
// before it checks, and refuse with a *DuplicateError naming the owner.
func TestChangeCheckedAgainstTheFile(t *testing.T) {
	dir := t.TempDir()
	one, two := openStoreBook(t, dir), openStoreBook(t, dir)
	mustAdd(t, one, Contact{FirstName: "Anna", Numbers: nums("0211 7654321")})
	_, err := two.Add(ctx, Contact{FirstName: "Bernd", Numbers: nums("0211 7654321")})
	var de *DuplicateError
	if !errors.As(err, &de) || de.Owner != "Anna" {
		t.Fatalf("Add of a number another process gave away = %v, want a *DuplicateError naming Anna", err)
	}
	if two.Count() != 1 {
		t.Errorf("second book has %d contacts after catching up, want 1", two.Count())
	}
	c := mustAdd(t, two, Contact{FirstName: "Carla", Numbers: nums("0211 1111111")})
	if err := one.SetBlocked(ctx, c.ID, true); err != nil {
		t.Errorf("SetBlocked through the other book = %v", err)
	}
	if m, ok := one.Lookup("+492111111111"); !ok || !m.Contact.Blocked {
		t.Errorf("Lookup after blocking = %+v, %v; want Carla, blocked", m, ok)
	}
}

// openStoreBook opens a book with Open on a store of its own in dir (a
// process of its own), without watching.
func openStoreBook(t *testing.T, dir string) *Book {
	t.Helper()
	st, err := store.OpenFile(dir, FileName)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	b, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBumpRefusesAStaleBook writes through a book whose index is older
// than the file: the write is refused with ErrConflict and rolled back.
func TestBumpRefusesAStaleBook(t *testing.T) {
	dir := t.TempDir()
	one, two := openStoreBook(t, dir), openStoreBook(t, dir)
	mustAdd(t, one, Contact{FirstName: "Anna", Numbers: nums("0211 7654321")})
	two.wmu.mu.Lock() // as a change would, but without catching up
	err := two.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO contacts (first_name, created, updated) VALUES ('Stale', '', '')`)
		return err
	})
	two.wmu.mu.Unlock()
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("write through a stale book = %v, want ErrConflict", err)
	}
	var n int
	if err := two.st.R.QueryRow(`SELECT count(*) FROM contacts`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d contacts stored (%v), want only Anna", n, err)
	}
}

// TestCloseStopsWatching closes a book opened with OpenIn twice.
func TestCloseStopsWatching(t *testing.T) {
	b, err := OpenIn(t.TempDir(), nil, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if err := b.st.R.Ping(); err == nil {
		t.Errorf("the book's database is still open after Close")
	}
}

// TestUncountedChangeIsCounted writes a removal the way a path that does
// not bump the version would, and commits it: the other book still sees
// it, and the writing book does not take it for a foreign change.
func TestUncountedChangeIsCounted(t *testing.T) {
	dir := t.TempDir()
	one, other := openStoreBook(t, dir), openBookIn(t, dir, nil)
	anna := mustAdd(t, one, Contact{FirstName: "Anna", Numbers: nums("0211 7654321")})
	eventually(t, "the added contact", func() bool { _, ok := other.Lookup("+492117654321"); return ok })
	reloaded := make(chan struct{}, 4)
	one.OnChange(func() { reloaded <- struct{}{} })
	one.wmu.Lock()
	err := one.st.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM contacts WHERE id = ?`, anna.ID)
		return err
	})
	if err == nil {
		one.commit(nil, anna.ID)
	}
	one.wmu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the uncounted removal", func() bool { _, ok := other.Lookup("+492117654321"); return !ok })
	<-reloaded // the commit's own notice
	v, err := one.version(ctx)
	if err != nil || v != one.seen.Load() {
		t.Errorf("stored version %d (%v), the writing book has seen %d: it would reload its own change", v, err, one.seen.Load())
	}
}
