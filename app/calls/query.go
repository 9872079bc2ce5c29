package calls

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrNotFound is returned by Get for an id that is not in the history.
var ErrNotFound = errors.New("call not found")

// DefaultLimit is the number of calls Recent returns when Query.Limit is 0.
const DefaultLimit = 50

// Query selects calls for Recent. The zero value is the newest
// DefaultLimit calls.
type Query struct {
	Limit  int
	Status Status // only calls with this status; empty: all
	// Statuses, when set, selects calls with any of these statuses (and
	// Status, if that is set too): the window's "missed & voicemail".
	Statuses []Status
	// Search matches the contact name or company (case-insensitive) or
	// the digits of a number (see searchWhere).
	Search string
	// Before pages back: only calls with an id below it; 0: from the top.
	Before int64
}

// Recent returns calls newest first, from the read pool.
func (h *History) Recent(ctx context.Context, q Query) ([]Call, error) {
	where, args := q.where()
	if q.Limit <= 0 {
		q.Limit = DefaultLimit
	}
	if err := h.flushFirst(ctx); err != nil {
		return nil, fmt.Errorf("recent calls: %w", err)
	}
	rows, err := h.st.R.QueryContext(ctx, `SELECT `+columns+` FROM calls`+where+` ORDER BY id DESC LIMIT ?`, append(args, q.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("recent calls: %w", err)
	}
	calls := []Call{}
	err = scanAll(rows, func(c Call) error { calls = append(calls, c); return nil })
	return calls, err
}

// Get returns one call by id.
func (h *History) Get(ctx context.Context, id int64) (Call, error) {
	if err := h.flushFirst(ctx); err != nil {
		return Call{}, fmt.Errorf("call %d: %w", id, err)
	}
	r, err := scanRow(h.st.R.QueryRowContext(ctx, `SELECT `+columns+` FROM calls WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Call{}, fmt.Errorf("call %d: %w", id, ErrNotFound)
	}
	return r.Call, err
}

// GetByKey returns the newest stored call with this key (Call.Key: its
// first leg's origCallId or callId), or ErrNotFound.
func (h *History) GetByKey(ctx context.Context, key string) (Call, error) {
	r, ok, err := h.storedByKey(ctx, key)
	switch {
	case err != nil:
		return Call{}, err
	case !ok:
		return Call{}, fmt.Errorf("call %q: %w", key, ErrNotFound)
	}
	return r.Call, nil
}

// Export streams the whole history to fn, oldest first; an error from fn
// stops it and is returned.
func (h *History) Export(ctx context.Context, fn func(Call) error) error {
	if err := h.flushFirst(ctx); err != nil {
		return fmt.Errorf("export calls: %w", err)
	}
	rows, err := h.st.R.QueryContext(ctx, `SELECT `+columns+` FROM calls ORDER BY id`)
	if err != nil {
		return fmt.Errorf("export calls: %w", err)
	}
	return scanAll(rows, fn)
}

func scanAll(rows *sql.Rows, fn func(Call) error) error {
	return scanRows(rows, func(r row) error { return fn(r.Call) })
}

// scanRows hands each row to fn and closes rows.
func scanRows(rows *sql.Rows, fn func(row) error) error {
	defer rows.Close()
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (q Query) where() (string, []any) {
	var conds []string
	var args []any
	if want := q.statuses(); len(want) > 0 {
		conds = append(conds, "status IN (?"+strings.Repeat(", ?", len(want)-1)+")")
		for _, s := range want {
			args = append(args, string(s))
		}
	}
	if q.Before > 0 {
		conds, args = append(conds, "id < ?"), append(args, q.Before)
	}
	if s := strings.TrimSpace(q.Search); s != "" {
		cond, sargs := searchWhere(s)
		conds, args = append(conds, cond), append(args, sargs...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (q Query) statuses() []Status {
	if q.Status == "" {
		return q.Statuses
	}
	return append([]Status{q.Status}, q.Statuses...)
}

// Wants reports whether a call with status s passes the query's status
// filter, as Recent applies it.
func (q Query) Wants(s Status) bool {
	want := q.statuses()
	return len(want) == 0 || slices.Contains(want, s)
}
