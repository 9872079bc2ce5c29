package calls_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// t0 is when every test's clock starts.
var t0 = time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)

// at is t0 plus sec seconds, as the pointer the Call fields use.
func at(sec float64) *time.Time {
	t := t0.Add(time.Duration(sec * float64(time.Second)))
	return &t
}

// clock is a fake Options.Now that moves only when told.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: t0} }

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

// directory is a fake calls.Directory keyed by number.
type directory map[string]calls.Caller

func (d directory) Caller(number string) (calls.Caller, bool) {
	c, ok := d[number]
	return c, ok
}

// book is the contacts the tests know.
var book = directory{
	"+4921112345": {ContactID: 7, Name: "Erika Mustermann", Company: "Muster GmbH", City: "Düsseldorf",
		Note: "calls about invoice 4711", VIP: true, Match: "exact"},
	"+4930123456":     {ContactID: 9, Name: "Hans Berlin", Company: "Spree AG", Match: "switchboard"},
	"+4917099999":     {ContactID: 13, Name: "Spam Calls", Blocked: true, Match: "exact"},
	webhook.Anonymous: {ContactID: 99, Name: "must never be looked up", Blocked: true},
}

// openStore opens the store in dir; it closes after the test, after the
// trackers opened on it.
func openStore(t testing.TB, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("store.Open(%s) = %v", dir, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// openTracker opens a tracker on st with the fake clock and no sweeps of
// its own; it closes with t.
func openTracker(t testing.TB, st *store.Store, clk *clock, opt calls.Options) *calls.Tracker {
	t.Helper()
	if opt.Now == nil {
		opt.Now = clk.Now
	}
	if opt.SweepEvery == 0 {
		opt.SweepEvery = -1 // the tests sweep when their clock says so
	}
	tr, err := calls.Open(st, book, opt)
	if err != nil {
		t.Fatalf("calls.Open = %v", err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// newTracker is a tracker on its own fresh store.
func newTracker(t testing.TB, clk *clock, opt calls.Options) *calls.Tracker {
	t.Helper()
	st := openStore(t, t.TempDir())
	return openTracker(t, st, clk, opt)
}

// form encodes key/value pairs in the given order, the way sipgate does
// ("[]" as %5B%5D, space as +).
func form(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(kv[i]) + "=" + url.QueryEscape(kv[i+1]))
	}
	return b.String()
}

// jsonOf renders v for comparisons and failure messages.
func jsonOf(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}
