package bench

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// SeedConfig says what to put into a data dir.
type SeedConfig struct {
	Dir      string
	Seed     uint64
	Contacts int
	Calls    int
	// Workers post the calls' events at once, so they share group
	// commits as webhooks in flight do (default 32).
	Workers int
	// Span is how far back the calls reach: the tracker's clock runs
	// from now-Span to now while seeding (default 90 days).
	Span time.Duration
}

// SeedResult says what Seed did and how long each part took.
type SeedResult struct {
	Contacts       int     `json:"contacts"`
	Skipped        int     `json:"skipped"`
	Calls          int     `json:"calls"`
	ContactsSecond float64 `json:"contacts_s"`
	CallsSecond    float64 `json:"calls_s"`
}

// SeedPublicURL is the webhook URL the seeded calls subscribed to.
const SeedPublicURL = "https://whoiscalling.example/sipgate"

// Seed fills cfg.Dir through the app's own code: the book by importing
// a generated vCard file, the history by answering generated webhooks
// (Tracker.Respond) from parallel workers.
func Seed(ctx context.Context, cfg SeedConfig) (SeedResult, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = 32
	}
	if cfg.Span <= 0 {
		cfg.Span = 90 * 24 * time.Hour
	}
	st, err := store.Open(cfg.Dir)
	if err != nil {
		return SeedResult{}, err
	}
	defer st.Close()
	quiet := slog.New(slog.DiscardHandler)
	var res SeedResult
	start := time.Now()
	book, err := contacts.OpenIn(cfg.Dir, st, "DE", contacts.WithLogger(quiet))
	if err == nil {
		defer book.Close()
	}
	if err != nil {
		return res, err
	}
	var vcf bytes.Buffer
	if err := WriteVCards(&vcf, cfg.Seed, cfg.Contacts); err != nil {
		return res, err
	}
	rep, err := book.Import(ctx, &vcf, "seed.vcf", nil)
	if err != nil {
		return res, err
	}
	res.Contacts, res.Skipped = book.Count(), rep.Skipped
	res.ContactsSecond = time.Since(start).Seconds()
	if res.Contacts != cfg.Contacts || rep.Skipped > 0 {
		return res, fmt.Errorf("the book has %d contacts after importing %d (%d skipped, first problem: %v)",
			res.Contacts, cfg.Contacts, rep.Skipped, rep.Problems)
	}
	start = time.Now()
	n, err := seedCalls(ctx, st, book, cfg, quiet)
	res.Calls, res.CallsSecond = n, time.Since(start).Seconds()
	return res, err
}

func seedCalls(ctx context.Context, st *store.Store, book *contacts.Book, cfg SeedConfig, quiet *slog.Logger) (int, error) {
	clock := newSeedClock(cfg.Span, cfg.Calls)
	tr, err := calls.Open(st, Directory{book}, calls.Options{
		PublicURL: SeedPublicURL, StaleAfter: 10 * cfg.Span, SweepEvery: -1, Logger: quiet, Now: clock.now,
	})
	if err != nil {
		return 0, err
	}
	plan := Plan{Seed: cfg.Seed, Contacts: cfg.Contacts, Run: "seed", MissedEvery: 5}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, cfg.Workers)
	for range cfg.Workers {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < cfg.Calls; k = int(next.Add(1) - 1) {
				if err := respondAll(ctx, tr, plan.Sequence(k)); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := tr.Close(); err != nil {
		return 0, err
	}
	if err := <-errs; err != nil {
		return 0, err
	}
	return cfg.Calls, nil
}

// respondAll hands the call's events to the tracker, parsed from the
// same bodies the webhook handler would get.
func respondAll(ctx context.Context, tr *calls.Tracker, s Sequence) error {
	for _, body := range s.Bodies() {
		ev, err := webhook.ParseBody(body)
		if err != nil {
			return fmt.Errorf("generated body %q: %w", body, err)
		}
		if _, err := tr.Respond(ctx, ev); err != nil {
			return err
		}
	}
	return nil
}

// seedClock spreads the seeded calls over the span: each reading moves
// it on, so the history covers weeks, not the seconds seeding takes.
type seedClock struct {
	start time.Time
	step  time.Duration
	ticks atomic.Int64
}

func newSeedClock(span time.Duration, calls int) *seedClock {
	return &seedClock{start: time.Now().Add(-span), step: span / time.Duration(max(3*calls, 1))}
}

func (c *seedClock) now() time.Time {
	t := c.start.Add(time.Duration(c.ticks.Add(1)) * c.step)
	if now := time.Now(); t.After(now) {
		return now
	}
	return t
}

// Directory adapts the contact book to what the call tracker needs,
// as the app's service does.
type Directory struct{ Book *contacts.Book }

// Caller looks number up in the book.
func (d Directory) Caller(number string) (calls.Caller, bool) {
	m, ok := d.Book.Lookup(number)
	if !ok {
		return calls.Caller{Place: phone.Place(number, "DE")}, false
	}
	return m.Caller(), true
}
