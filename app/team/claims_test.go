package team

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func TestFirstClaimWinsOnEveryDesk(t *testing.T) {
	rx, rxFake, anna, annaFake, _ := receiverAndDesk(t)
	benFake := newFake()
	ben := desk(t, urlConfig(rx.ServerURL()), t.TempDir(), benFake)
	ready(t, ben)
	rxFake.webhook("missed-1", calls.StatusMissed)
	for _, f := range []*fakeTracker{annaFake, benFake} {
		waitFor(t, "both desks to have the missed call", func() bool { _, ok := f.get("missed-1"); return ok })
	}

	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, d := range []struct {
		tm *Team
		by string
	}{{anna, "Anna"}, {ben, "Ben"}} {
		wg.Go(func() { _, errs[i] = d.tm.Claim(context.Background(), "missed-1", d.by) })
	}
	wg.Wait()
	winner, lost := "Anna", errs[1]
	if errs[0] != nil {
		winner, lost = "Ben", errs[0]
	}
	var ce *ClaimedError
	if !errors.As(lost, &ce) || ce.By != winner || (errs[0] == nil) == (errs[1] == nil) {
		t.Fatalf("Claim errors = %v, want exactly one *ClaimedError naming the winner", errs)
	}
	for name, f := range map[string]*fakeTracker{"receiver": rxFake, "anna": annaFake, "ben": benFake} {
		waitFor(t, name+" to show the winner's claim", func() bool {
			c, _ := f.get("missed-1")
			return c.ClaimedBy == winner && c.ClaimedAt != nil
		})
	}

	winnerDesk := map[string]*Team{"Anna": anna, "Ben": ben}[winner]
	if _, err := winnerDesk.Done(context.Background(), "missed-1"); err != nil {
		t.Fatalf("Done = %v", err)
	}
	for name, f := range map[string]*fakeTracker{"receiver": rxFake, "anna": annaFake, "ben": benFake} {
		waitFor(t, name+" to show the call back done", func() bool {
			c, _ := f.get("missed-1")
			return c.DoneAt != nil && c.ClaimedBy == winner
		})
	}
}

func TestClaimOfAnUnknownCall(t *testing.T) {
	_, _, dk, _, _ := receiverAndDesk(t)
	if _, err := dk.Claim(context.Background(), "nope", "Anna"); !errors.Is(err, ErrUnknownCall) {
		t.Errorf("Claim(unknown) = %v, want ErrUnknownCall", err)
	}
}

func TestRefusedClaimIsGivenBack(t *testing.T) {
	_, rxFake, dk, dkFake, _ := receiverAndDesk(t)
	rxFake.webhook("answered-1", calls.StatusAnswered)
	waitFor(t, "the desk to have the call", func() bool { _, ok := dkFake.get("answered-1"); return ok })
	if _, err := dk.Claim(context.Background(), "answered-1", "Anna"); !errors.Is(err, calls.ErrNotMissed) {
		t.Fatalf("Claim(answered call) = %v, want calls.ErrNotMissed", err)
	}
	if _, err := dk.current().claims.Get(context.Background(), "answered-1"); !errors.Is(err, jetstream.ErrKeyNotFound) {
		t.Errorf("claims entry after a refused claim: %v, want none", err)
	}
}
