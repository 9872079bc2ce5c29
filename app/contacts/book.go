package contacts

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
)

// Book is the contact book. Its methods are safe for concurrent use.
type Book struct {
	st     *store.Store
	region atomic.Pointer[string] // read national numbers for this country
	log    *slog.Logger
	now    func() time.Time

	wmu sync.Mutex // serialises changes: check, write, update the index

	mu  sync.RWMutex // guards idx
	idx *index

	subMu sync.Mutex
	subs  []func()
}

// Option configures a Book.
type Option func(*Book)

// WithLogger sets the logger (default: slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(b *Book) { b.log = l } }

// Open migrates the contact tables in st and loads the book into memory.
// region (such as "DE") is used to read national numbers.
func Open(st *store.Store, region string, opts ...Option) (*Book, error) {
	b := &Book{st: st, log: slog.Default(), idx: newIndex(),
		now: func() time.Time { return time.Now().UTC() }}
	b.SetRegion(region)
	for _, o := range opts {
		o(b)
	}
	if err := st.Migrate("contacts", migrations); err != nil {
		return nil, err
	}
	all, err := loadAll(context.Background(), st)
	if err != nil {
		return nil, fmt.Errorf("load the contacts: %w", err)
	}
	b.idx = indexOf(all)
	b.log.Info("contact book loaded", "contacts", len(all))
	return b, nil
}

// Count is the number of contacts.
func (b *Book) Count() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.idx.byID)
}

// Get returns the contact with the given ID, or an error wrapping
// ErrNotFound.
func (b *Book) Get(id int64) (Contact, error) {
	b.mu.RLock()
	c, ok := b.idx.byID[id]
	b.mu.RUnlock()
	if !ok {
		return Contact{}, notFound(id)
	}
	return *c.clone(), nil
}

// Lookup finds the contact a caller's number belongs to: the exact
// number first, else the longest switchboard prefix it starts with.
// e164 is E.164 with or without the + (sipgate's digits work as they
// are); other forms must go through phone.E164 first. Lookup reads
// memory only and does not allocate on a hit.
func (b *Book) Lookup(e164 string) (Match, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.idx.lookup(e164)
}

// SetRegion changes the country national numbers are read for, from the
// next edit, import or search on (the Settings window changed
// DEFAULT_REGION). Numbers already in the book keep their E.164 form.
func (b *Book) SetRegion(region string) { b.region.Store(&region) }

func (b *Book) regionNow() string { return *b.region.Load() }
