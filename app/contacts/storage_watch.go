package contacts

import (
	"context"
	"time"
)

// Watch looks every so often (the app uses half a second) for changes
// that other processes made to the book, such as `whoiscalling contacts
// import` while the app runs, until ctx is done. On a change it reloads
// the whole book, swaps the index in at once (lookups meanwhile use the
// old one) and calls the OnChange subscribers. A look is one read of a
// single row. Books opened with OpenIn run it already.
func (b *Book) Watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if v, err := b.version(ctx); err != nil || v == b.seen.Load() {
			continue // a failed read is retried on the next tick
		}
		b.wmu.mu.Lock()
		b.catchUp(ctx)
		b.wmu.mu.Unlock()
	}
}

// catchUp reloads the book when another process changed it. The caller
// holds wmu. A failure is logged and leaves the index as it was: a
// change checked against it then fails with ErrConflict in bump.
func (b *Book) catchUp(ctx context.Context) {
	v, err := b.version(ctx)
	if err != nil || v == b.seen.Load() {
		return
	}
	idx, v, err := b.load(ctx)
	if err != nil {
		b.log.Warn("reloading the contact book failed", "err", err)
		return
	}
	b.idx.Store(idx)
	b.seen.Store(v)
	b.log.Info("contact book reloaded: another program changed it", "contacts", idx.live)
	b.notify()
}

// load reads the whole book and the version it is at. The contacts and
// their numbers are read on two connections at once; the version is read
// before and after, and the same number twice means no change came in
// between. If changes keep coming, the version read first is returned,
// so the next look loads again.
func (b *Book) load(ctx context.Context) (*index, int64, error) {
	for try := 1; ; try++ {
		before, err := b.version(ctx)
		if err != nil {
			return nil, 0, err
		}
		idx, err := loadIndex(ctx, b.st)
		if err != nil {
			return nil, 0, err
		}
		after, err := b.version(ctx)
		if err != nil {
			return nil, 0, err
		}
		if after == before || try == 3 {
			return idx, before, nil
		}
	}
}
