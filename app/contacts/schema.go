package contacts

// migrations are the "contacts" domain's schema versions (append-only:
// never edit a released step, add one). A number is its own primary key,
// so the database refuses a number that two contacts share, and looking
// a number up is one B-tree probe.
//
// Version 2 makes the foreign key immediate and drops the contact_id
// index, which cost a quarter of a large import's time: numbers are now
// written after their contact and replaced by their own key (see
// writer), so nothing needs the index but removing a contact, which
// scans the numbers once (tens of milliseconds for 100,000 contacts). A
// deferred key without the index would make SQLite search the numbers
// for every contact inserted: a 100,000-contact import would take
// minutes.
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

	`CREATE TABLE contact_numbers_v2 (
		e164        TEXT NOT NULL,
		switchboard INTEGER NOT NULL,
		contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
		pos         INTEGER NOT NULL,
		label       TEXT NOT NULL,
		raw         TEXT NOT NULL,
		PRIMARY KEY (e164, switchboard)
	) WITHOUT ROWID;
	INSERT INTO contact_numbers_v2 (e164, switchboard, contact_id, pos, label, raw)
		SELECT e164, switchboard, contact_id, pos, label, raw FROM contact_numbers;
	DROP TABLE contact_numbers;
	ALTER TABLE contact_numbers_v2 RENAME TO contact_numbers;`,

	// Version 3: the postal address (street, postal code), where a
	// contact comes from (source, remote_id, etag, and synced: the
	// contact as its source last sent it, see sync.go), and numbers kept
	// although libphonenumber doubts them (unverified: the reason).
	`ALTER TABLE contacts ADD COLUMN street TEXT NOT NULL DEFAULT '';
	ALTER TABLE contacts ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
	ALTER TABLE contacts ADD COLUMN source TEXT NOT NULL DEFAULT '';
	ALTER TABLE contacts ADD COLUMN remote_id TEXT NOT NULL DEFAULT '';
	ALTER TABLE contacts ADD COLUMN etag TEXT NOT NULL DEFAULT '';
	ALTER TABLE contacts ADD COLUMN synced TEXT NOT NULL DEFAULT '';
	ALTER TABLE contact_numbers ADD COLUMN unverified TEXT NOT NULL DEFAULT '';`,
}
