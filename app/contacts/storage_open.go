package contacts

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// FileName is the contact book's own database file in the data dir. The
// book has a file of its own so that a large import, which holds the
// file's write lock for seconds, never makes a webhook's write of a call
// (in the main database) wait or fail.
const FileName = "contacts.db"

// watchEvery is how often a book opened with OpenIn looks for changes
// that other processes made.
const watchEvery = 500 * time.Millisecond

// OpenIn opens the contact book in its own file (FileName) in the data
// dir and loads it into memory. legacy, if not nil, is the main database
// (store.Open(dir)): contacts an older whoiscalling kept there are moved
// into the book's file once, in one transaction, and the old tables are
// dropped after that committed. The book then looks for changes other
// processes make (`whoiscalling contacts add/import/remove` while the
// app runs) every half second; it reloads itself and tells the OnChange
// subscribers. Close stops that and closes the book's file.
func OpenIn(dir string, legacy *store.Store, region string, opts ...Option) (*Book, error) {
	st, err := store.OpenFile(dir, FileName)
	if err != nil {
		return nil, err
	}
	b, err := openIn(st, legacy, region, opts)
	if err != nil {
		st.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.stopWatch = cancel
	b.watching.Go(func() { b.Watch(ctx, watchEvery) })
	return b, nil
}

func openIn(st *store.Store, legacy *store.Store, region string, opts []Option) (*Book, error) {
	b := makeBook(st, region, opts)
	b.own = true
	if err := b.migrate(); err != nil {
		return nil, err
	}
	ctx := context.Background()
	if legacy != nil {
		if err := b.moveLegacy(ctx, legacy); err != nil {
			return nil, err
		}
	}
	if err := b.loadIndex(ctx); err != nil {
		return nil, err
	}
	if legacy != nil {
		if err := b.dropLegacy(ctx, legacy); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Close stops watching for other processes' changes and, for a book
// opened with OpenIn, closes its database. Calling it again is harmless.
func (b *Book) Close() error {
	b.closeOnce.Do(func() {
		if b.stopWatch != nil {
			b.stopWatch()
			b.watching.Wait()
		}
		if b.own {
			b.closeErr = b.st.Close()
		}
	})
	return b.closeErr
}
