package team

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func TestOutboxKeepsStatesWhileNATSIsDown(t *testing.T) {
	port := freePort(t)
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	dir, fake := t.TempDir(), newFake()
	ctx := context.Background()

	first := desk(t, urlConfig(url), dir, fake)
	for i := range 3 {
		fake.webhook(fmt.Sprintf("down-%d", i), calls.StatusMissed)
	}
	waitFor(t, "3 states in the outbox", func() bool { return first.Status(ctx).Outbox == 3 })
	var ce *ConnectError
	if st := first.Status(ctx); st.State == Connected || !errors.As(st.Err, &ce) {
		t.Errorf("Status while down: state %s, err %v; want not connected with a *ConnectError", st.State, st.Err)
	}
	first.Close()

	fake = newFake()
	second := desk(t, urlConfig(url), dir, fake)
	for i := 3; i < 5; i++ {
		fake.webhook(fmt.Sprintf("down-%d", i), calls.StatusMissed)
	}
	waitFor(t, "5 states in the outbox after the restart", func() bool { return second.Status(ctx).Outbox == 5 })

	natsServer(t, port)
	other := newFake()
	desk(t, urlConfig(url), t.TempDir(), other)
	waitFor(t, "the other desk to get all 5 calls", func() bool { return other.count() == 5 })
	waitFor(t, "the outbox to drain", func() bool { return second.Status(ctx).Outbox == 0 })
}

func TestOutboxKeepsTheNewestStatePerCall(t *testing.T) {
	box, err := openOutbox(filepath.Join(t.TempDir(), outboxFile))
	if err != nil {
		t.Fatal(err)
	}
	defer box.close()
	ctx := context.Background()
	for _, p := range []pending{{"a", 2, []byte("a2")}, {"b", 1, []byte("b1")}, {"a", 1, []byte("a1")}, {"a", 3, []byte("a3")}} {
		if err := box.putAll(ctx, nil, []pending{p}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := box.oldest(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].key != "b" || got[1].key != "a" || string(got[1].body) != "a3" {
		t.Fatalf("oldest = %+v, want b1 then a3", got)
	}
	box.done(ctx, pending{key: "a", version: 2})
	if n, _ := box.count(ctx); n != 2 {
		t.Errorf("after done of a stale version, count = %d, want 2", n)
	}
	box.done(ctx, got[1])
	if n, _ := box.count(ctx); n != 1 {
		t.Errorf("after done of a3, count = %d, want 1", n)
	}
}

// TestOutboxTakesABatchInOneGo: a batch with several states of a call,
// out of order, keeps the newest, and notes every local id.
func TestOutboxTakesABatchInOneGo(t *testing.T) {
	box, err := openOutbox(filepath.Join(t.TempDir(), outboxFile))
	if err != nil {
		t.Fatal(err)
	}
	defer box.close()
	ctx := context.Background()
	ids := []localCall{{"a", 7}, {"b", 8}, {"a", 9}}
	batch := []pending{{"a", 2, []byte("a2")}, {"b", 1, []byte("b1")}, {"a", 1, []byte("a1")}, {"a", 3, []byte("a3")}}
	if err := box.putAll(ctx, ids, batch); err != nil {
		t.Fatal(err)
	}
	got, err := box.oldest(ctx, 10)
	if err != nil || len(got) != 2 || got[0].key != "b" || string(got[1].body) != "a3" {
		t.Fatalf("oldest = %+v, %v; want b1 then a3", got, err)
	}
	for key, want := range map[string]int64{"a": 9, "b": 8} {
		if id, ok, err := box.localID(ctx, key); err != nil || !ok || id != want {
			t.Errorf("localID(%s) = %d, %v, %v; want %d", key, id, ok, err, want)
		}
	}
	if v, err := box.queuedVersion(ctx, "a"); err != nil || v != 3 {
		t.Errorf("queuedVersion(a) = %d, %v; want 3", v, err)
	}
}

// TestOutboxWritesALocalIDOnce: the same id of a call is written once,
// a new one again, and after a prune the ids are written afresh.
func TestOutboxWritesALocalIDOnce(t *testing.T) {
	box, err := openOutbox(filepath.Join(t.TempDir(), outboxFile))
	if err != nil {
		t.Fatal(err)
	}
	defer box.close()
	ctx := context.Background()
	if err := box.putAll(ctx, []localCall{{"a", 1}, {"a", 1}, {"b", 2}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := box.unknown([]localCall{{"a", 1}, {"b", 3}}); len(got) != 1 || got[0] != (localCall{"b", 3}) {
		t.Errorf("unknown() after writing a1, b2 = %v, want only b3", got)
	}
	if _, err := box.db.Exec(`DELETE FROM call_ids`); err != nil {
		t.Fatal(err)
	}
	if err := box.prune(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := box.putAll(ctx, []localCall{{"a", 1}}, nil); err != nil {
		t.Fatal(err)
	}
	if id, ok, err := box.localID(ctx, "a"); err != nil || !ok || id != 1 {
		t.Errorf("localID(a) after a prune and a change = %d, %v, %v; want 1 written again", id, ok, err)
	}
}
