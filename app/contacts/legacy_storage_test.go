package contacts

import (
	"testing"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// oldLayout makes a data dir as an older whoiscalling left it: the
// contacts in the main database. Anna and Carla remain; Bernd, the
// highest ID ever given, was removed.
func oldLayout(t *testing.T) (string, *store.Store, []Contact) {
	t.Helper()
	dir := t.TempDir()
	main, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { main.Close() })
	old, err := Open(main, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	anna := mustAdd(t, old, Contact{FirstName: "Anna", City: "Köln", VIP: true,
		Numbers: []Number{{Label: LabelWork, Raw: "0211 63555-0"}, {Label: LabelHome, Raw: "0211 7654321"}}})
	carla := mustAdd(t, old, Contact{Company: "Carla GmbH", Numbers: nums("0221 1234567")})
	bernd := mustAdd(t, old, Contact{FirstName: "Bernd", Numbers: nums("0171 2345678")})
	if err := old.Remove(ctx, bernd.ID); err != nil {
		t.Fatal(err)
	}
	return dir, main, []Contact{anna, carla}
}

func tables(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.R.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('contacts','contact_numbers','book_version')`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMoveLegacyContacts opens the book in its own file on an old data
// dir: every contact moves with its ID, times and numbers, no ID is
// reused, and the old tables are gone; opening again moves nothing twice.
func TestMoveLegacyContacts(t *testing.T) {
	dir, main, want := oldLayout(t)
	b := openBookIn(t, dir, main)
	for _, w := range want {
		got, err := b.Get(w.ID)
		if err != nil || !sameData(&got, &w) || !got.Created.Equal(w.Created) || !got.Updated.Equal(w.Updated) {
			t.Errorf("moved Get(%d) = %+v, %v; want %+v", w.ID, got, err, w)
		}
	}
	if m, ok := b.Lookup("+4921163555123"); !ok || m.Kind != MatchSwitchboard || m.Contact.FirstName != "Anna" {
		t.Errorf("Lookup of a switchboard extension after the move = %+v, %v", m, ok)
	}
	if n := tables(t, main); n != 0 {
		t.Errorf("the main database still has %d contacts tables after the move", n)
	}
	if v, err := main.Version("contacts"); err != nil || v != 0 {
		t.Errorf("main database's contacts version = %d, %v; want 0 (dropped)", v, err)
	}
	d := mustAdd(t, b, Contact{FirstName: "Dora", Numbers: nums("0211 2222222")})
	if d.ID <= want[1].ID+1 {
		t.Errorf("new contact got ID %d, want above %d (the removed Bernd's)", d.ID, want[1].ID+1)
	}
	b.Close()
	again := openBookIn(t, dir, main)
	if again.Count() != 3 {
		t.Errorf("reopened book has %d contacts, want 3", again.Count())
	}
}

// TestMoveFromVersion1 moves contacts whose tables an even older
// whoiscalling made (the first schema).
func TestMoveFromVersion1(t *testing.T) {
	dir := t.TempDir()
	main, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer main.Close()
	if err := main.Migrate("contacts", migrations[:1]); err != nil {
		t.Fatal(err)
	}
	_, err = main.W.Exec(`INSERT INTO contacts (id, first_name, created, updated) VALUES (7, 'Anna', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05Z');
		INSERT INTO contact_numbers VALUES ('+4921163555', 1, 7, 1, 'work', '0211 63555-0'), ('+492111234567', 0, 7, 0, 'home', '0211 1234567')`)
	if err != nil {
		t.Fatal(err)
	}
	b := openBookIn(t, dir, main)
	if c, err := b.Get(7); err != nil || len(c.Numbers) != 2 || c.Numbers[0].Label != LabelHome || !c.Numbers[1].Switchboard {
		t.Errorf("after the move Get(7) = %+v, %v", c, err)
	}
}

// TestLegacyDropAfterCrash plays a crash between the move's commit and
// the drop: the next start finds the mark and the old tables, sees every
// contact in the book, and drops them.
func TestLegacyDropAfterCrash(t *testing.T) {
	dir, main, _ := oldLayout(t)
	st, err := store.OpenFile(dir, FileName)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.moveLegacy(ctx, main); err != nil { // moved, not dropped: the "crash"
		t.Fatal(err)
	}
	st.Close()
	if n := tables(t, main); n == 0 {
		t.Fatalf("main database has no contacts tables before the restart")
	}
	again := openBookIn(t, dir, main)
	if again.Count() != 2 || tables(t, main) != 0 {
		t.Errorf("after the restart: %d contacts, %d old tables; want 2 and 0", again.Count(), tables(t, main))
	}
}

// TestLegacyKeptWhenNotAllMoved plays an older whoiscalling run after
// the move that added a contact to the old tables: it is not in the
// book, so the old tables are left alone.
func TestLegacyKeptWhenNotAllMoved(t *testing.T) {
	dir, main, _ := oldLayout(t)
	openBookIn(t, dir, main).Close()
	old, err := Open(main, "DE", quiet) // the older whoiscalling makes its tables again
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, old, Contact{FirstName: "Erik", Numbers: nums("0211 3333333")})
	b := openBookIn(t, dir, main)
	if tables(t, main) == 0 {
		t.Errorf("the old tables holding a contact the book lacks were dropped")
	}
	if b.Count() != 2 {
		t.Errorf("book has %d contacts, want the 2 moved", b.Count())
	}
}
