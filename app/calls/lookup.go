package calls

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// locate finds the call a change is for: in memory (found), else in the
// stored history (stored, asked without holding t.mu, so the webhook path
// of other calls never waits for a read), and takes a stored one back
// into memory. It returns with t.mu held; nil means no such call. Memory
// is asked again after the read: another request may have made the call
// meanwhile.
func (t *Tracker) locate(ctx context.Context, found func() *call, stored func(context.Context) (row, bool, error)) (*call, error) {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil, ErrClosed
	}
	if c := found(); c != nil {
		return c, nil
	}
	t.mu.Unlock()
	r, ok, err := stored(ctx)
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil, ErrClosed
	}
	if c := found(); c != nil {
		return c, nil
	}
	if err != nil {
		t.mu.Unlock()
		return nil, err
	}
	if !ok {
		return nil, nil
	}
	if c := t.idx.byID[r.ID]; c != nil {
		return c, nil
	}
	c := revive(r)
	t.idx.add(c)
	t.noteFinished(c)
	return c, nil
}

// storedByKey is the newest stored call with this key.
func (h *History) storedByKey(ctx context.Context, key string) (row, bool, error) {
	return h.one(ctx, `leg_key = ? ORDER BY id DESC`, key)
}

// newest is the stored call that started last.
func (h *History) newest(ctx context.Context) (row, bool, error) {
	return h.one(ctx, `1 ORDER BY started_at DESC, id DESC`)
}

// storedByID is the stored call with this id.
func (h *History) storedByID(ctx context.Context, id int64) (row, bool, error) {
	return h.one(ctx, `id = ?`, id)
}

// storedNear is the stored call with this other party that started
// closest to at, within window, and that sipgate's history did not bring
// (one history entry matches one call).
func (h *History) storedNear(ctx context.Context, party string, at time.Time, window time.Duration) (row, bool, error) {
	ms := at.UnixMilli()
	return h.one(ctx, partyExpr+` = ? AND started_at BETWEEN ? AND ? AND source <> ?
		ORDER BY abs(started_at - ?)`, party, ms-window.Milliseconds(), ms+window.Milliseconds(),
		string(FromSipgateHistory), ms)
}

// unnamedBatch bounds the numbers of one unnamed query.
const unnamedBatch = 500

// unnamed are the stored calls without a contact whose other party is
// one of numbers, newest first.
func (h *History) unnamed(ctx context.Context, numbers []string) ([]row, error) {
	if err := h.flushFirst(ctx); err != nil {
		return nil, fmt.Errorf("read unnamed calls: %w", err)
	}
	var rows []row
	for start := 0; start < len(numbers); start += unnamedBatch {
		batch := numbers[start:min(start+unnamedBatch, len(numbers))]
		args := make([]any, len(batch))
		for i, n := range batch {
			args[i] = n
		}
		q := `SELECT ` + columns + ` FROM calls WHERE contact_id = 0 AND ` + partyExpr +
			` IN (?` + strings.Repeat(`, ?`, len(batch)-1) + `)`
		rs, err := h.st.R.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("read unnamed calls: %w", err)
		}
		err = scanRows(rs, func(r row) error { rows = append(rows, r); return nil })
		if err != nil {
			return nil, fmt.Errorf("read unnamed calls: %w", err)
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(b.ID, a.ID) })
	return rows, nil
}

// one is the first stored call matching where (and its ORDER BY), from
// the read pool.
func (h *History) one(ctx context.Context, where string, args ...any) (row, bool, error) {
	if err := h.flushFirst(ctx); err != nil {
		return row{}, false, fmt.Errorf("read stored call: %w", err)
	}
	q := `SELECT ` + columns + ` FROM calls WHERE ` + where + ` LIMIT 1`
	r, err := scanRow(h.st.R.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return row{}, false, nil
	}
	if err != nil {
		return row{}, false, fmt.Errorf("read stored call: %w", err)
	}
	return r, true, nil
}
