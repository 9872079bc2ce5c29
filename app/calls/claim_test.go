package calls_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// TestClaimAndDone: the first claim of a missed call wins and is stored
// and published as a new version; a second person gets ErrClaimed naming
// the first; Done closes it once.
func TestClaimAndDone(t *testing.T) {
	clk := newClock()
	tr := newTracker(t, clk, calls.Options{})
	respond(t, tr, stranger.newCall("m1", "m1", jurgen))
	respond(t, tr, stranger.hangup("m1", "m1", "cancel")) // 1: missed, version 2
	respond(t, tr, erika.newCall("a1", "a1", anna))
	respond(t, tr, erika.answer("a1", "a1", "", "user", "Anna Mayer")) // 2: active
	clk.Advance(calls.DefaultStaleAfter)
	tr.Sweep() // 1 leaves memory: claims work on stored calls too
	s := tr.Subscribe(4)
	defer s.Close()
	ctx := context.Background()

	got, err := tr.Claim(ctx, 1, "Anna Mayer", *at(100))
	if err != nil || got.ClaimedBy != "Anna Mayer" || !got.ClaimedAt.Equal(*at(100)) || got.Version != 3 {
		t.Fatalf("Claim(1, Anna) = %s, %v, want claimed by Anna at +100s, version 3", jsonOf(got), err)
	}
	if pub := receive(t, s); pub.ID != 1 || pub.ClaimedBy != "Anna Mayer" {
		t.Errorf("Claim published call %d claimed by %q", pub.ID, pub.ClaimedBy)
	}
	if stored := get(t, tr, 1); jsonOf(stored) != jsonOf(got) {
		t.Errorf("stored call 1 = %s\nwant %s", jsonOf(stored), jsonOf(got))
	}
	got, err = tr.Claim(ctx, 1, "Marty McFly", *at(101))
	if !errors.Is(err, calls.ErrClaimed) || !strings.Contains(err.Error(), "Anna Mayer") || got.ClaimedBy != "Anna Mayer" || got.Version != 3 {
		t.Errorf("Claim(1, Marty) after Anna = %s, %v, want ErrClaimed naming Anna and the call unchanged", jsonOf(got), err)
	}
	if got, err = tr.Claim(ctx, 1, "Anna Mayer", *at(102)); err != nil || got.Version != 3 || !got.ClaimedAt.Equal(*at(100)) {
		t.Errorf("Claim(1, Anna) again = v%d, %v, want unchanged v3, nil", got.Version, err)
	}
	for _, tc := range []struct {
		id   int64
		by   string
		want error
	}{
		{2, "Anna Mayer", calls.ErrNotMissed},
		{42, "Anna Mayer", calls.ErrNotFound},
	} {
		if _, err := tr.Claim(ctx, tc.id, tc.by, *at(0)); !errors.Is(err, tc.want) {
			t.Errorf("Claim(%d, %s) = %v, want %v", tc.id, tc.by, err, tc.want)
		}
	}
	if _, err := tr.Claim(ctx, 1, "  ", *at(0)); err == nil {
		t.Error("Claim(1, blank) = nil, want an error")
	}
	got, err = tr.Done(ctx, 1, *at(200))
	if err != nil || got.DoneAt == nil || !got.DoneAt.Equal(*at(200)) || got.Version != 4 {
		t.Errorf("Done(1) = %s, %v, want done at +200s, version 4", jsonOf(got), err)
	}
	receive(t, s)
	if got, err = tr.Done(ctx, 1, *at(300)); err != nil || got.Version != 4 || !got.DoneAt.Equal(*at(200)) {
		t.Errorf("Done(1) again = v%d, %v, want unchanged", got.Version, err)
	}
	if _, err := tr.Done(ctx, 42, *at(0)); !errors.Is(err, calls.ErrNotFound) {
		t.Errorf("Done(42) = %v, want ErrNotFound", err)
	}
	quiet(t, tr, s, "refused claims")
}

// TestRemove: a removed call is gone from Recent, Get and Last at once,
// nothing is published, and a second Remove finds nothing.
func TestRemove(t *testing.T) {
	tr := history(t, calls.Options{})
	s := tr.Subscribe(4)
	defer s.Close()
	ctx := context.Background()
	for _, id := range []int64{2, 5} {
		if err := tr.Remove(ctx, id); err != nil {
			t.Fatalf("Remove(%d) = %v", id, err)
		}
	}
	if got, err := tr.Recent(ctx, calls.Query{}); err != nil || len(got) != 3 || got[0].ID != 4 || got[2].ID != 1 {
		t.Errorf("Recent() after removing 2 and 5 = %v, %v, want [4 3 1]", ids(got), err)
	}
	if _, err := tr.Get(ctx, 2); !errors.Is(err, calls.ErrNotFound) {
		t.Errorf("Get(2) after Remove = %v, want ErrNotFound", err)
	}
	if last, ok := tr.Last(); !ok || last.ID != 4 {
		t.Errorf("Last() after removing the last call = %d, %v, want 4", last.ID, ok)
	}
	if err := tr.Remove(ctx, 2); !errors.Is(err, calls.ErrNotFound) {
		t.Errorf("Remove(2) again = %v, want ErrNotFound", err)
	}
	quiet(t, tr, s, "removals")
}
