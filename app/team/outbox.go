package team

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// outboxFile is the SQLite file in the data dir that holds the states not
// yet acknowledged by JetStream.
const outboxFile = "team-outbox.db"

const outboxSchema = `
CREATE TABLE IF NOT EXISTS outbox(
	key TEXT PRIMARY KEY, version INTEGER NOT NULL, body BLOB NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_seq ON outbox(seq);
CREATE TABLE IF NOT EXISTS outbox_meta(name TEXT PRIMARY KEY, value INTEGER NOT NULL);`

// legacySchema goes from what older versions kept: call_ids mapped a
// call's key to its local id, which the call history tells as well
// (Claimer.GetByKey); queued noted the newest version of each call
// JetStream had acknowledged, which the stream itself tells
// (recoverQueue). Both were written for every call.
const legacySchema = `DROP TABLE IF EXISTS call_ids; DROP TABLE IF EXISTS queued;`

// The outbox_seq index makes the next seq (a bare MAX in its own
// subquery, which SQLite answers from the index) and the oldest states a
// lookup instead of a scan: without it each change cost a pass over
// every state waiting, which under load is thousands.

// outbox is the queue between the tracker and JetStream. It keeps the
// newest state of each call only: the stream keeps no more either.
//
// While JetStream is connected a webhook's state waits in memory (mem),
// and nothing is written: the state itself is in the call history
// already, and recoverQueue queues again at the next start whatever a
// crash kept from the stream. Writing every state to SQLite and deleting
// it again cost more than the webhook itself. While JetStream is away, past
// memMax states, after a failed publish and at close, states go to the
// outbox table, which survives restarts.
type outbox struct {
	db *sql.DB
	// The statements run per change, prepared once: preparing them per change
	// cost more than running them.
	putStmt, doneStmt *sql.Stmt
	// ranBefore, set at open, is true when team mode used this outbox
	// before this start (then recoverQueue looks for states a crash left
	// behind).
	ranBefore bool

	mu  sync.Mutex // guards the rest
	mem map[string]memState
	seq int64 // orders mem
	// stored is false once the outbox table was read empty and nothing
	// was put there since (then oldest does not ask it); puts counts the
	// commits that put states there.
	stored bool
	puts   int64
}

// memState is a state waiting in memory, and when it came.
type memState struct {
	pending
	seq int64
}

// memMax bounds the states waiting in memory.
const memMax = 4096

// pending is one state waiting to be published.
type pending struct {
	key     string
	version int64
	// body is the state's JSON; while it is nil, call holds the state,
	// which is encoded only once it is sent or stored: while changes keep
	// coming, most states in memory are replaced unsent.
	body []byte
	call calls.Call
	mem  bool // it waits in memory, not in the outbox table
}

// encoded is the state's JSON.
func (p *pending) encoded() ([]byte, error) {
	if p.body == nil {
		b, err := p.call.AppendJSON(make([]byte, 0, 1024))
		if err != nil {
			return nil, fmt.Errorf("call %s version %d cannot be written as JSON: %w", p.key, p.version, err)
		}
		p.body = b
	}
	return p.body, nil
}

func openOutbox(path string) (*outbox, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open team outbox: %w", err)
	}
	f.Close()
	// NORMAL, not FULL: a crash of the app loses nothing, and what a
	// power cut might lose the start re-queues from the call history
	// (see recover.go). Every desk writes here
	// for every call of the team, so a sync per call would be its cost.
	q := url.Values{"_pragma": {"busy_timeout(5000)", "journal_mode(WAL)", "synchronous(NORMAL)"}}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open team outbox: %w", err)
	}
	db.SetMaxOpenConns(1)
	o := &outbox{db: db, mem: map[string]memState{}, stored: true}
	if err := o.setUp(); err != nil {
		db.Close()
		return nil, fmt.Errorf("team outbox %s is not usable (delete it to start afresh): %w", path, err)
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&o.putStmt, putSQL}, {&o.doneStmt, doneSQL}} {
		if *p.stmt, err = db.Prepare(p.sql); err != nil {
			db.Close()
			return nil, fmt.Errorf("team outbox %s is not usable (delete it to start afresh): %w", path, err)
		}
	}
	return o, nil
}

// setUp makes the tables, notes whether team mode used the outbox before
// (a start noted, or the table of older versions), and notes this start.
func (o *outbox) setUp() error {
	if _, err := o.db.Exec(outboxSchema); err != nil {
		return err
	}
	err := o.db.QueryRow(`SELECT EXISTS(SELECT 1 FROM outbox_meta WHERE name = 'started')
		OR EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queued')`).Scan(&o.ranBefore)
	if err != nil {
		return err
	}
	if _, err := o.db.Exec(legacySchema); err != nil {
		return err
	}
	_, err = o.db.Exec(`INSERT INTO outbox_meta(name, value) VALUES('started', ?)
		ON CONFLICT(name) DO UPDATE SET value = excluded.value`, time.Now().UnixMilli())
	return err
}

// putSQL stores a state unless a newer one of the call waits already.
const putSQL = `INSERT INTO outbox(key, version, body, seq)
	VALUES(?1, ?2, ?3, COALESCE((SELECT MAX(seq) FROM outbox), 0) + 1)
	ON CONFLICT(key) DO UPDATE SET version = excluded.version, body = excluded.body, seq = excluded.seq
	WHERE excluded.version > outbox.version`

// doneSQL removes a published state (not a newer one put meanwhile).
const doneSQL = `DELETE FROM outbox WHERE key = ? AND version = ?`

// close keeps the states waiting in memory in the outbox table for the
// next start, and closes it.
func (o *outbox) close() error {
	err := o.spill(context.Background())
	for _, s := range []*sql.Stmt{o.putStmt, o.doneStmt} {
		s.Close()
	}
	return errors.Join(err, o.db.Close())
}

// putAll queues the states: in memory when inMemory says so and there
// is room, else in the outbox table (each unless a newer state of the
// same call waits already), in one transaction.
func (o *outbox) putAll(ctx context.Context, ps []pending, inMemory bool) error {
	if inMemory {
		ps = o.keep(ps)
	}
	if len(ps) == 0 {
		return nil
	}
	tx, err := o.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store in team outbox: %w", err)
	}
	defer tx.Rollback()
	put := tx.StmtContext(ctx, o.putStmt)
	var bad error // a state no JSON can carry is dropped: it could never be sent
	for i := range ps {
		body, err := ps[i].encoded()
		if err != nil {
			bad = cmp.Or(bad, err)
			continue
		}
		if _, err := put.ExecContext(ctx, ps[i].key, ps[i].version, body); err != nil {
			return fmt.Errorf("store in team outbox: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store in team outbox: %w", err)
	}
	o.mu.Lock()
	o.stored, o.puts = true, o.puts+1
	o.mu.Unlock()
	return bad
}

// keep puts the states in memory, each unless a newer state of its call
// waits there already, and returns those there was no room for.
func (o *outbox) keep(ps []pending) (rest []pending) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range ps {
		old, ok := o.mem[p.key]
		switch {
		case ok && old.version >= p.version:
		case ok || len(o.mem) < memMax:
			o.seq++
			p.mem = true
			o.mem[p.key] = memState{p, o.seq}
		default:
			rest = append(rest, p)
		}
	}
	return rest
}

// spill moves the states waiting in memory to the outbox table.
func (o *outbox) spill(ctx context.Context) error {
	o.mu.Lock()
	ps := make([]pending, 0, len(o.mem))
	for _, m := range o.mem {
		m.mem = false
		ps = append(ps, m.pending)
	}
	clear(o.mem)
	o.mu.Unlock()
	return o.putAll(ctx, ps, false)
}

// oldest returns up to n waiting states: those of the outbox table
// first, oldest change first, then those in memory.
func (o *outbox) oldest(ctx context.Context, n int) ([]pending, error) {
	o.mu.Lock()
	stored, puts := o.stored, o.puts
	o.mu.Unlock()
	var out []pending
	if stored {
		var err error
		if out, err = o.oldestStored(ctx, n); err != nil {
			return nil, err
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if stored && len(out) == 0 && o.puts == puts {
		o.stored = false // read empty, and nothing put since
	}
	return append(out, o.oldestInMemory(n-len(out))...), nil
}

// oldestStored reads up to n states of the outbox table.
func (o *outbox) oldestStored(ctx context.Context, n int) ([]pending, error) {
	rows, err := o.db.QueryContext(ctx, `SELECT key, version, body FROM outbox ORDER BY seq LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("read team outbox: %w", err)
	}
	defer rows.Close()
	var out []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.key, &p.version, &p.body); err != nil {
			return nil, fmt.Errorf("read team outbox: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// oldestInMemory is up to n states of memory, oldest first; o.mu is held.
func (o *outbox) oldestInMemory(n int) []pending {
	if n <= 0 || len(o.mem) == 0 {
		return nil
	}
	all := make([]memState, 0, len(o.mem))
	for _, m := range o.mem {
		all = append(all, m)
	}
	slices.SortFunc(all, func(a, b memState) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]pending, 0, min(n, len(all)))
	for _, m := range all[:min(n, len(all))] {
		out = append(out, m.pending)
	}
	return out
}

// done removes published states, each unless a newer one of its call
// replaced it: from memory, and from the table in one transaction.
func (o *outbox) done(ctx context.Context, ps ...pending) error {
	stored := 0
	o.mu.Lock()
	for _, p := range ps {
		if m, ok := o.mem[p.key]; p.mem && ok && m.version == p.version {
			delete(o.mem, p.key)
		}
		if !p.mem {
			stored++
		}
	}
	o.mu.Unlock()
	if stored == 0 {
		return nil
	}
	tx, err := o.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("remove from team outbox: %w", err)
	}
	defer tx.Rollback()
	del := tx.StmtContext(ctx, o.doneStmt)
	for _, p := range ps {
		if p.mem {
			continue
		}
		if _, err := del.ExecContext(ctx, p.key, p.version); err != nil {
			return fmt.Errorf("remove from team outbox: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("remove from team outbox: %w", err)
	}
	return nil
}

// count is how many states wait, in the table and in memory.
func (o *outbox) count(ctx context.Context) (int, error) {
	var n int
	err := o.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox`).Scan(&n)
	o.mu.Lock()
	n += len(o.mem)
	o.mu.Unlock()
	return n, err
}
