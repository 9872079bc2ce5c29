package calls

import "context"

// load takes back into memory the calls that may still get events: the
// ringing and active ones, unknown ones changed within StaleAfter (a late
// hangup still resolves them), and finished ones changed within their
// linger time (a duplicate push still finds its call after a restart). It
// also reads the next id and the newest call.
func (t *Tracker) load() error {
	now := t.now()
	stale := now.Add(-t.opt.StaleAfter).UnixMilli()
	recent := now.Add(-min(finishedLinger, t.opt.StaleAfter)).UnixMilli()
	rows, err := t.st.R.Query(`SELECT `+columns+` FROM calls
		WHERE status IN (?, ?) OR (status = ? AND updated_at >= ?) OR updated_at >= ? ORDER BY id`,
		StatusRinging, StatusActive, StatusUnknown, stale, recent)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return err
		}
		c := revive(r)
		t.idx.add(c)
		t.noteFinished(c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return t.loadNewest()
}

// loadNewest reads the next id and the call that started last (a call
// merged from sipgate's history may be old but have the highest id).
func (t *Tracker) loadNewest() error {
	if err := t.st.R.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM calls`).Scan(&t.nextID); err != nil {
		return err
	}
	r, ok, err := t.hist.newest(context.Background())
	if ok {
		t.last = r.Call
	}
	return err
}

// revive rebuilds a call's in-memory state from its stored row.
func revive(r row) *call {
	c := &call{Call: r.Call, key: r.key, updated: r.updated}
	c.flags()
	return c
}
