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
CREATE INDEX calls_updated ON calls(updated_at);
