package calls_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// liveBook is a Directory whose entries a test adds while the tracker
// runs, as the contacts window does.
type liveBook struct {
	mu sync.Mutex
	m  directory
}

func newLiveBook() *liveBook { return &liveBook{m: directory{}} }

func (b *liveBook) Caller(number string) (calls.Caller, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.m[number]
	return c, ok
}

func (b *liveBook) add(number string, c calls.Caller) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.m[number] = c
}

func openWithBook(t *testing.T, dir calls.Directory, clk *clock) *calls.Tracker {
	t.Helper()
	tr, err := calls.Open(openStore(t, t.TempDir()), dir, calls.Options{Now: clk.Now, SweepEvery: -1})
	if err != nil {
		t.Fatalf("calls.Open = %v", err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// TestRename: once the stranger's number is saved as a contact, every
// call with them (stored only, in memory, still ringing, outgoing) takes
// the name as a new version, and subscribers see each; calls of others
// and calls already named stay as they are.
func TestRename(t *testing.T) {
	clk := newClock()
	lb := newLiveBook()
	lb.add("+4921112345", book["+4921112345"])
	tr := openWithBook(t, lb, clk)
	toStranger := line{"out", "4921155500123", "4917812345678", "77"}
	respond(t, tr, stranger.newCall("r1", "r1", jurgen)) // 1: stored only, after the sweep below
	respond(t, tr, stranger.hangup("r1", "r1", "cancel"))
	clk.Advance(calls.DefaultStaleAfter)
	tr.Sweep()
	respond(t, tr, stranger.newCall("r2", "r2", jurgen)) // 2: ended, in memory
	respond(t, tr, stranger.hangup("r2", "r2", "cancel"))
	respond(t, tr, erika.newCall("r3", "r3", anna))        // 3: someone else
	respond(t, tr, toStranger.newCall("r4", "r4", jurgen)) // 4: outgoing to them
	respond(t, tr, stranger.newCall("r5", "r5", jurgen))   // 5: still ringing
	before := map[int64]calls.Call{}
	for id := int64(1); id <= 5; id++ {
		before[id] = get(t, tr, id)
	}
	s := tr.Subscribe(16)
	defer s.Close()
	hugo := calls.Caller{ContactID: 21, Name: "Hugo Fremd", Company: "Fremd KG", City: "Essen", Note: "new customer", Match: "exact"}
	lb.add("+4917812345678", hugo)

	n, err := tr.Rename(context.Background(), []string{"+4917812345678", "+4921112345", "+4930999999"})
	if n != 4 || err != nil {
		t.Fatalf("Rename() = %d, %v, want 4, nil", n, err)
	}
	var published []int64
	for range 4 {
		published = append(published, receive(t, s).ID)
	}
	slices.Sort(published)
	if want := []int64{1, 2, 4, 5}; !slices.Equal(published, want) {
		t.Errorf("Rename published calls %v, want %v", published, want)
	}
	for id := int64(1); id <= 5; id++ {
		got, was := get(t, tr, id), before[id]
		if id == 3 {
			if jsonOf(got) != jsonOf(was) {
				t.Errorf("Rename changed Erika's call 3: %s", jsonOf(got))
			}
			continue
		}
		if got.Contact != "Hugo Fremd" || got.Company != "Fremd KG" || got.City != "Essen" || got.Note != "new customer" ||
			got.ContactID != 21 || got.Match != "exact" || got.Version != was.Version+1 || got.Status != was.Status {
			t.Errorf("call %d after Rename = %s, want Hugo's name, version %d, status %s", id, jsonOf(got), was.Version+1, was.Status)
		}
	}
	if last, _ := tr.Last(); last.ID != 5 || last.Contact != "Hugo Fremd" {
		t.Errorf("Last() after Rename = call %d named %q, want call 5 named Hugo Fremd", last.ID, last.Contact)
	}
	if got, err := tr.Recent(context.Background(), calls.Query{Search: "fremd"}); err != nil || !slices.Equal(ids(got), []int64{5, 4, 2, 1}) {
		t.Errorf("Recent(Search fremd) = %v, %v, want [5 4 2 1]", ids(got), err)
	}
	if n, err := tr.Rename(context.Background(), []string{"+4917812345678"}); n != 0 || err != nil {
		t.Errorf("Rename() again = %d, %v, want 0, nil", n, err)
	}
	quiet(t, tr, s, "a second rename")
}

// TestRenamePublishesNewest: a number with a long history renames all
// its calls but publishes only the newest 200.
func TestRenamePublishesNewest(t *testing.T) {
	clk := newClock()
	lb := newLiveBook()
	tr := openWithBook(t, lb, clk)
	const total = 230
	for i := range total {
		id := fmt.Sprint("many-", i)
		respond(t, tr, stranger.newCall(id, id, jurgen))
		respond(t, tr, stranger.hangup(id, id, "cancel"))
	}
	clk.Advance(calls.DefaultStaleAfter)
	tr.Sweep()
	s := tr.Subscribe(0)
	defer s.Close()
	lb.add("+4917812345678", calls.Caller{ContactID: 3, Name: "Hugo Fremd", Match: "exact"})
	if n, err := tr.Rename(context.Background(), []string{"+4917812345678"}); n != total || err != nil {
		t.Fatalf("Rename() = %d, %v, want %d, nil", n, err, total)
	}
	respond(t, tr, erika.newCall("sentinel", "sentinel", anna))
	got := map[int64]bool{}
	for c := receive(t, s); c.Legs[0].CallID != "sentinel"; c = receive(t, s) {
		got[c.ID] = true
	}
	if len(got) != 200 || !got[total] || !got[total-199] || got[total-200] {
		t.Errorf("Rename published %d calls, want the newest 200 (%d to %d)", len(got), total-199, total)
	}
	if c := get(t, tr, 1); c.Contact != "Hugo Fremd" {
		t.Errorf("oldest call after Rename named %q, want Hugo Fremd", c.Contact)
	}
}
