package calls

import (
	"strings"
	"time"
)

// migrations of the "calls" domain; append only.
var migrations = []string{`
CREATE TABLE calls (
	id          INTEGER PRIMARY KEY,
	leg_key     TEXT NOT NULL,
	direction   TEXT NOT NULL,
	from_num    TEXT NOT NULL,
	to_num      TEXT NOT NULL,
	contact     TEXT NOT NULL,
	company     TEXT NOT NULL,
	contact_id  INTEGER NOT NULL,
	match_kind  TEXT NOT NULL,
	vip         INTEGER NOT NULL,
	users       TEXT NOT NULL,
	answered_by TEXT NOT NULL,
	status      TEXT NOT NULL,
	cause       TEXT NOT NULL,
	started_at  INTEGER NOT NULL,
	answered_at INTEGER,
	ended_at    INTEGER,
	duration    INTEGER NOT NULL,
	legs        TEXT NOT NULL,
	search      TEXT NOT NULL,
	updated_at  INTEGER NOT NULL
);
CREATE INDEX calls_status ON calls(status, id);
CREATE INDEX calls_updated ON calls(updated_at);`,
	// Version 2: the contact's city and note, the version and source that
	// team mode and the sipgate history merge by, the call-back claim;
	// lookups by key (replays, merges) and by start (the history's own
	// ids, the newest call).
	`
ALTER TABLE calls ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE calls ADD COLUMN source TEXT NOT NULL DEFAULT 'webhook';
ALTER TABLE calls ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN claimed_at INTEGER;
ALTER TABLE calls ADD COLUMN done_at INTEGER;
CREATE INDEX calls_key ON calls(leg_key);
CREATE INDEX calls_started ON calls(started_at);`,
	// Version 3: the journal of webhook changes not yet folded into
	// calls (journal.go).
	`
CREATE TABLE call_journal (
	seq  INTEGER PRIMARY KEY,
	body BLOB NOT NULL
);`,
	// Version 4: where an unknown caller's number is registered.
	`ALTER TABLE calls ADD COLUMN place TEXT NOT NULL DEFAULT '';`}

// partyExpr is Call.Party in SQL.
const partyExpr = `(CASE direction WHEN 'out' THEN to_num ELSE from_num END)`

// Times are stored as Unix milliseconds: the tracker's clock has that
// resolution, so they read back equal. A change is stored only over an
// older version, so a late or raced write never undoes a newer one.
var upsertSQL = upsertRowsSQL(1)

// upsertRowsSQL is upsertSQL for n rows in one statement: a fold writes
// a full chunk so, which saves the statement's own cost for each row
// but one.
func upsertRowsSQL(n int) string {
	row := "(?" + strings.Repeat(",?", rowColumns-1) + ")"
	return `INSERT INTO calls (id, leg_key, direction, from_num, to_num,
	contact, company, city, note, contact_id, match_kind, vip, users, answered_by, status, cause,
	started_at, answered_at, ended_at, duration, legs, search, updated_at,
	version, source, claimed_by, claimed_at, done_at, place)
VALUES ` + row + strings.Repeat(","+row, n-1) + `
ON CONFLICT(id) DO UPDATE SET ` + setSQL + ` WHERE excluded.version > calls.version`
}

// rowColumns is how many values a row of upsertSQL takes.
const rowColumns = 29

// updateSQL stores a changed stored row (a rename) only while the row is
// still there and older: it never brings back a removed call.
const updateSQL = `UPDATE calls AS old SET (id, leg_key, direction, from_num, to_num,
	contact, company, city, note, contact_id, match_kind, vip, users, answered_by, status, cause,
	started_at, answered_at, ended_at, duration, legs, search, updated_at,
	version, source, claimed_by, claimed_at, done_at, place) =
	(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
WHERE old.id = ?1 AND old.version < ?24`

// probeSQL finds the newest stored call with one of two keys (a push's
// callId and origCallId).
const probeSQL = `SELECT id FROM calls WHERE leg_key IN (?1, ?2) ORDER BY id DESC LIMIT 1`

// deleteSQL removes one call.
const deleteSQL = `DELETE FROM calls WHERE id = ?`

// setSQL is what a change may rewrite: all but the id, the key and the
// start, so a change of a call rewrites no index entry of those.
const setSQL = `contact=excluded.contact, company=excluded.company, city=excluded.city,
	note=excluded.note, contact_id=excluded.contact_id, match_kind=excluded.match_kind,
	vip=excluded.vip, users=excluded.users, answered_by=excluded.answered_by,
	status=excluded.status, cause=excluded.cause, answered_at=excluded.answered_at, ended_at=excluded.ended_at, duration=excluded.duration,
	legs=excluded.legs, search=excluded.search, updated_at=excluded.updated_at,
	version=excluded.version, source=excluded.source, claimed_by=excluded.claimed_by,
	claimed_at=excluded.claimed_at, done_at=excluded.done_at, place=excluded.place`

// rowArgs are upsertSQL's and updateSQL's arguments for one write.
func rowArgs(w *write) []any { return appendRowArgs(make([]any, 0, rowColumns), w) }

// appendRowArgs appends rowArgs(w) to args.
func appendRowArgs(args []any, w *write) []any {
	c := &w.call
	var buf [512]byte
	users := appendUsersJSON(buf[:0], c.Users)
	nu := len(users)
	all, ok := appendLegsJSON(users, c.Legs)
	legs := all[nu:]
	if !ok {
		legs = nil // a time json.Marshal cannot write either
	}
	// Every value is of a type database/sql passes on as it is: a named
	// string type or an int would go through its reflection instead.
	return append(args, c.ID, w.key, string(c.Direction), c.From, c.To,
		c.Contact, c.Company, c.City, c.Note, c.ContactID, c.Match, c.VIP, string(users), c.AnsweredBy,
		string(c.Status), c.Cause, c.StartedAt.UnixMilli(), millis(c.AnsweredAt), millis(c.EndedAt),
		int64(c.DurationSeconds), string(legs), searchText(c), w.updated.UnixMilli(),
		c.Version, string(c.Source), c.ClaimedBy, millis(c.ClaimedAt), millis(c.DoneAt), c.Place)
}

// searchText is what Recent's Search matches names against.
func searchText(c *Call) string {
	return strings.ToLower(c.Contact + "\x1f" + c.Company)
}

func millis(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMilli()
}
