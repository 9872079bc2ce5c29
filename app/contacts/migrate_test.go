package contacts

import (
	"testing"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// TestMigrateFromVersion1 opens a book on a database that has the first
// schema and a contact in it.
func TestMigrateFromVersion1(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate("contacts", migrations[:1]); err != nil {
		t.Fatal(err)
	}
	_, err = st.W.Exec(`INSERT INTO contacts (id, first_name, created, updated) VALUES (7, 'Anna', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05Z');
		INSERT INTO contact_numbers VALUES ('+4921163555', 1, 7, 1, 'work', '0211 63555-0'), ('+492111234567', 0, 7, 0, 'home', '0211 1234567')`)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	c, err := b.Get(7)
	if err != nil || len(c.Numbers) != 2 || c.Numbers[0].Label != LabelHome || !c.Numbers[1].Switchboard {
		t.Errorf("after migrating Get(7) = %+v, %v", c, err)
	}
	var indexes int
	st.R.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type='index' AND name='contact_numbers_contact'`).Scan(&indexes)
	if v, _ := st.Version("contacts"); v != len(migrations) || indexes != 0 {
		t.Errorf("schema version %d with %d contact_id indexes, want %d and none", v, indexes, len(migrations))
	}
	if err := b.Remove(ctx, 7); err != nil || b.Count() != 0 {
		t.Errorf("Remove after migrating: %v", err)
	}
}
