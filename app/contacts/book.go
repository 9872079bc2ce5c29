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
	own    bool                   // st was opened by OpenIn: Close closes it
	region atomic.Pointer[string] // read national numbers for this country
	log    *slog.Logger
	now    func() time.Time

	// wmu serialises changes: catch up, check, write, update the index.
	wmu writeLock
	// seen is the stored version the index matches; pending is the
	// version the transaction in progress writes (see bump).
	seen    atomic.Int64
	pending int64

	// idx is the index in use. A change makes a new one and swaps it
	// in, so lookups never wait for a change to be indexed.
	idx atomic.Pointer[index]

	subMu sync.Mutex
	subs  []func()

	stopWatch context.CancelFunc // set by OpenIn
	watching  sync.WaitGroup
	closeOnce sync.Once
	closeErr  error
}

// Option configures a Book.
type Option func(*Book)

// WithLogger sets the logger (default: slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(b *Book) { b.log = l } }

// Open migrates the contact tables in st and loads the book into memory.
// region (such as "DE") is used to read national numbers. The book does
// not look for changes other processes make unless Watch runs; OpenIn
// is what the app uses.
func Open(st *store.Store, region string, opts ...Option) (*Book, error) {
	b := makeBook(st, region, opts)
	if err := b.migrate(); err != nil {
		return nil, err
	}
	if err := b.loadIndex(context.Background()); err != nil {
		return nil, err
	}
	return b, nil
}

func makeBook(st *store.Store, region string, opts []Option) *Book {
	b := &Book{st: st, log: slog.Default(), now: func() time.Time { return time.Now().UTC() }}
	b.idx.Store(newIndex())
	b.wmu.b = b
	b.SetRegion(region)
	for _, o := range opts {
		o(b)
	}
	return b
}

func (b *Book) migrate() error {
	if err := b.st.Migrate("contacts", migrations); err != nil {
		return err
	}
	return b.st.Migrate(versionDomain, versionSteps)
}

// loadIndex reads the whole book and makes it the index.
func (b *Book) loadIndex(ctx context.Context) error {
	idx, v, err := b.load(ctx)
	if err != nil {
		return fmt.Errorf("load the contacts: %w", err)
	}
	b.idx.Store(idx)
	b.seen.Store(v)
	b.log.Info("contact book loaded", "contacts", idx.live)
	return nil
}

// Count is the number of contacts.
func (b *Book) Count() int { return b.idx.Load().live }

// Get returns the contact with the given ID, or an error wrapping
// ErrNotFound. It reads the fields the index does not hold from SQL.
func (b *Book) Get(id int64) (Contact, error) {
	x := b.idx.Load()
	s, ok := x.slotOf(id)
	if !ok {
		return Contact{}, notFound(id)
	}
	var c Contact
	if _, err := x.decode(s, &c, nil); err != nil {
		return Contact{}, fmt.Errorf("contact %d: %w", id, err)
	}
	missing, err := b.fillExtra(context.Background(), []*Contact{&c}, x.live)
	if err != nil {
		return Contact{}, fmt.Errorf("contact %d: %w", id, err)
	}
	if missing > 0 {
		return Contact{}, notFound(id)
	}
	return c, nil
}

// Lookup finds the contact a caller's number belongs to: the exact
// number first, else the longest switchboard prefix it starts with.
// e164 is E.164 with or without the + (sipgate's digits work as they
// are); other forms must go through phone.E164 first. Lookup reads
// memory only and never waits for a change. It does not allocate on a
// miss, nor on a hit of a contact it found recently; otherwise it
// allocates twice, to build Match.Contact (see Match for its fields).
func (b *Book) Lookup(e164 string) (Match, bool) {
	return b.idx.Load().lookup(e164)
}

// SetRegion changes the country national numbers are read for, from the
// next edit, import or search on (the Settings window changed
// DEFAULT_REGION). Numbers already in the book keep their E.164 form.
func (b *Book) SetRegion(region string) { b.region.Store(&region) }

func (b *Book) regionNow() string { return *b.region.Load() }
