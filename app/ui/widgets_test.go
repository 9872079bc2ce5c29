package ui

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// uiQueue stands in for fyne.Do: goroutines queue work, and the test runs
// it on its own goroutine, which is the test driver's UI goroutine. So
// the widgets are only ever touched from one goroutine, as in the app.
type uiQueue chan func()

func newUIQueue() uiQueue { return make(uiQueue, 4096) }

func (q uiQueue) do(f func()) { q <- f }

// until runs queued work until cond holds; it fails the test after a few
// seconds, naming what it waited for.
func (q uiQueue) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-deadline:
			t.Fatalf("timed out waiting until %s", what)
		}
	}
}

// clock is the fake time of the backend and the windows.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// backend is a real store, contact book and call tracker in a temp dir.
type backend struct {
	book    *contacts.Book
	tracker *calls.Tracker
	clock   *clock
}

func newBackend(t testing.TB) *backend {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatalf("store.Open = %v", err)
	}
	t.Cleanup(func() { st.Close() })
	book, err := contacts.Open(st, "DE", contacts.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatalf("contacts.Open = %v", err)
	}
	clk := &clock{now: time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)}
	tr, err := calls.Open(st, directory{book}, calls.Options{Now: clk.Now})
	if err != nil {
		t.Fatalf("calls.Open = %v", err)
	}
	t.Cleanup(func() { tr.Close() })
	// As the service does: a contact saved for a number names that
	// number's calls.
	book.OnChange(func() {
		go func() {
			recent, err := tr.Recent(context.Background(), calls.Query{Limit: 500})
			if err != nil {
				return
			}
			var numbers []string
			for _, c := range recent {
				if c.ContactID == 0 {
					numbers = append(numbers, c.Party())
				}
			}
			tr.Rename(context.Background(), numbers)
		}()
	})
	return &backend{book: book, tracker: tr, clock: clk}
}

// directory lets the tracker look callers up in the book, as main does.
type directory struct{ book *contacts.Book }

func (d directory) Caller(number string) (calls.Caller, bool) {
	m, ok := d.book.Lookup(number)
	if !ok {
		return calls.Caller{}, false
	}
	c := m.Contact
	return calls.Caller{ContactID: c.ID, Name: c.DisplayName(), Company: c.Company, VIP: c.VIP, Blocked: c.Blocked, Match: string(m.Kind)}, true
}

// addContact stores a contact or fails the test.
func (b *backend) addContact(t testing.TB, c contacts.Contact) contacts.Contact {
	t.Helper()
	saved, err := b.book.Add(context.Background(), c)
	if err != nil {
		t.Fatalf("Add(%s) = %v", c.DisplayName(), err)
	}
	return saved
}

// push sends one webhook event after wait on the fake clock.
func (b *backend) push(t testing.TB, wait time.Duration, ev webhook.Event) {
	t.Helper()
	b.clock.Advance(wait)
	if _, err := b.tracker.Respond(context.Background(), ev); err != nil {
		t.Fatalf("Respond(%s %s) = %v", ev.Type, ev.CallID, err)
	}
}

// texts is every label, button and entry text under o, one per line, for
// asserting what a person would read.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *hint:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		case *widget.Entry:
			b.WriteString(x.Text + "\n")
		case *widget.Check:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
