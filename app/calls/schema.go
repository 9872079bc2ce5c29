package calls

import (
	"encoding/json"
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
CREATE INDEX calls_updated ON calls(updated_at);`}

// Times are stored as Unix milliseconds: the tracker's clock has that
// resolution, so they read back equal.
const upsertSQL = `INSERT INTO calls (id, leg_key, direction, from_num, to_num,
	contact, company, contact_id, match_kind, vip, users, answered_by, status, cause,
	started_at, answered_at, ended_at, duration, legs, search, updated_at)
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
ON CONFLICT(id) DO UPDATE SET users=excluded.users, answered_by=excluded.answered_by,
	status=excluded.status, cause=excluded.cause, answered_at=excluded.answered_at,
	ended_at=excluded.ended_at, duration=excluded.duration, legs=excluded.legs,
	updated_at=excluded.updated_at`

// rowArgs are upsertSQL's arguments for one write. json.Marshal cannot
// fail on these types.
func rowArgs(w *write) []any {
	c := &w.call
	users, _ := json.Marshal(c.Users)
	legs, _ := json.Marshal(c.Legs)
	return []any{c.ID, w.key, c.Direction, c.From, c.To,
		c.Contact, c.Company, c.ContactID, c.Match, c.VIP, string(users), c.AnsweredBy, string(c.Status), c.Cause,
		c.StartedAt.UnixMilli(), millis(c.AnsweredAt), millis(c.EndedAt), c.DurationSeconds, string(legs),
		searchText(c), w.updated.UnixMilli()}
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
