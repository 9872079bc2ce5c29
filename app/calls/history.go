package calls

import (
	"context"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// History reads the stored calls. It is what one-shot commands open while
// the listener (and its Tracker) may be running in another process: it
// starts nothing and writes no calls.
type History struct {
	st *store.Store
	// flush, set by a Tracker, folds its journal before a read.
	flush func(context.Context) error
}

// OpenHistory migrates the "calls" tables if needed and returns the
// history of st.
func OpenHistory(st *store.Store) (*History, error) {
	if err := st.Migrate("calls", migrations); err != nil {
		return nil, err
	}
	return &History{st: st}, nil
}

// Recent returns calls newest first (see History.Recent).
func (t *Tracker) Recent(ctx context.Context, q Query) ([]Call, error) { return t.hist.Recent(ctx, q) }

// Get returns one stored call by id (see History.Get).
func (t *Tracker) Get(ctx context.Context, id int64) (Call, error) { return t.hist.Get(ctx, id) }

// GetByKey returns the newest stored call with a key (see History.GetByKey).
func (t *Tracker) GetByKey(ctx context.Context, key string) (Call, error) {
	return t.hist.GetByKey(ctx, key)
}

// Export streams the whole history, oldest first (see History.Export).
func (t *Tracker) Export(ctx context.Context, fn func(Call) error) error {
	return t.hist.Export(ctx, fn)
}
