package calls

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/store"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// TestKeyFilter: before it is loaded every push may be known; once the
// keys of the stored calls are loaded, they are known, new calls' keys
// join at once, and fresh keys are not known (so they skip the store).
func TestKeyFilter(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tr, err := Open(st, nil, Options{SweepEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	ring := webhook.Event{Type: webhook.NewCall, Direction: webhook.In, From: "+4921112345", To: "+4921155500123"}
	for i := range 300 {
		ring.CallID = fmt.Sprint("stored-", i)
		if _, err := tr.Respond(context.Background(), ring); err != nil {
			t.Fatal(err)
		}
	}
	tr.Close()

	tr, err = Open(st, nil, Options{SweepEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	ready := func() bool { tr.mu.Lock(); defer tr.mu.Unlock(); return tr.keys.ready }
	for deadline := time.Now().Add(10 * time.Second); !ready(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the key filter never became ready")
		}
	}
	ring.CallID = "new-after-load"
	if _, err := tr.Respond(context.Background(), ring); err != nil {
		t.Fatal(err)
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for i := range 300 {
		if k := fmt.Sprint("stored-", i); !tr.keys.mayHave(k) {
			t.Fatalf("mayHave(%s) = false for a stored call", k)
		}
	}
	if !tr.keys.mayHave("fresh", "new-after-load") {
		t.Error("mayHave(a new call's key) = false")
	}
	for i := range 1000 {
		if k := fmt.Sprint("fresh-", i); tr.keys.mayHave(k, "") {
			t.Errorf("mayHave(%s) = true for a key never stored", k)
		}
	}
	empty := newKeyFilter(0)
	if !empty.mayHave("anything") {
		t.Error("a filter not loaded yet: mayHave = false, want true")
	}
}

// TestKeyFilterFalsePositives: at its expected size the filter takes
// fewer than 1 in 1,000 fresh keys for stored ones (each such push costs
// a fold of the journal and a probe of the store).
func TestKeyFilterFalsePositives(t *testing.T) {
	const n = 100_000
	f := newKeyFilter(n)
	if fp := falsePositives(t, &f, n); fp > n/1000 {
		t.Errorf("%d of %d fresh keys taken for stored ones, want at most %d", fp, n, n/1000)
	}
}

// TestKeyFilterAddBytesIsAdd: a key added as bytes (as the start reads
// them) sets the bits the same key added as a string does.
func TestKeyFilterAddBytesIsAdd(t *testing.T) {
	a := newKeyFilter(1000)
	b := a.empty()
	for _, k := range []string{"54566B150B0C0D3A5D50435A5D5A7E5B", "123456", "ü", ""} {
		a.add(k)
		b.addBytes([]byte(k))
	}
	if !slices.EqualFunc(a.layers, b.layers, slices.Equal) {
		t.Error("addBytes set other bits than add")
	}
	b.ready = true
	if !b.mayHave("123456") || b.mayHave("654321") && b.mayHave("nothing") {
		t.Error("a filter filled by addBytes does not find its keys")
	}
}

// TestKeyFilterGrows: a filter sized for few keys that then takes twenty
// times as many (a process running for months, or a flood of calls)
// still finds every key and takes fewer than 1 in 1,000 fresh keys for
// stored ones.
func TestKeyFilterGrows(t *testing.T) {
	const sized, n = 10_000, 200_000
	f := newKeyFilter(sized)
	if fp := falsePositives(t, &f, n); fp > n/1000 {
		t.Errorf("%d of %d fresh keys taken for stored ones (%d layers), want at most %d", fp, n, len(f.layers), n/1000)
	}
	if len(f.layers) > 4 {
		t.Errorf("%d layers for %d keys, want at most 4 (each twice the one before)", len(f.layers), n)
	}
}

// falsePositives adds n keys to f, checks that it finds each, and counts
// the n fresh keys it takes for stored ones.
func falsePositives(t *testing.T, f *keyFilter, n int) int {
	t.Helper()
	f.ready = true
	for i := range n {
		f.add(fmt.Sprint("stored-", i))
	}
	for i := range n {
		if k := fmt.Sprint("stored-", i); !f.mayHave(k) {
			t.Fatalf("mayHave(%q) = false for a stored key", k)
		}
	}
	fp := 0
	for i := range n {
		if k := fmt.Sprint("fresh-", i); f.mayHave(k, k) {
			fp++
		}
	}
	return fp
}
