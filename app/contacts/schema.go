package contacts

// migrations are the "contacts" domain's schema versions (append-only).
// A number is its own primary key, so the database refuses a number
// that two contacts share, and looking a number up is one B-tree probe.
// The foreign key is checked at commit, so an import may write numbers
// before the contacts they belong to; the index on contact_id keeps that
// check, and deleting a contact's numbers, fast (without it a
// 100,000-contact import takes minutes).
var migrations = []string{
	`CREATE TABLE contacts (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		first_name TEXT NOT NULL DEFAULT '',
		last_name  TEXT NOT NULL DEFAULT '',
		company    TEXT NOT NULL DEFAULT '',
		city       TEXT NOT NULL DEFAULT '',
		country    TEXT NOT NULL DEFAULT '',
		note       TEXT NOT NULL DEFAULT '',
		vip        INTEGER NOT NULL DEFAULT 0,
		blocked    INTEGER NOT NULL DEFAULT 0,
		created    TEXT NOT NULL,
		updated    TEXT NOT NULL
	);
	CREATE TABLE contact_numbers (
		e164        TEXT NOT NULL,
		switchboard INTEGER NOT NULL,
		contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
		pos         INTEGER NOT NULL,
		label       TEXT NOT NULL,
		raw         TEXT NOT NULL,
		PRIMARY KEY (e164, switchboard)
	) WITHOUT ROWID;
	CREATE INDEX contact_numbers_contact ON contact_numbers(contact_id, pos);`,
}
