package team

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

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
	box := testOutbox(t)
	ctx := context.Background()
	for _, p := range []pending{{key: "a", version: 2, body: []byte("a2")}, {key: "b", version: 1, body: []byte("b1")}, {key: "a", version: 1, body: []byte("a1")}, {key: "a", version: 3, body: []byte("a3")}} {
		if err := box.putAll(ctx, []pending{p}, false); err != nil {
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
// out of order, keeps the newest.
func TestOutboxTakesABatchInOneGo(t *testing.T) {
	box := testOutbox(t)
	ctx := context.Background()
	batch := []pending{{key: "a", version: 2, body: []byte("a2")}, {key: "b", version: 1, body: []byte("b1")}, {key: "a", version: 1, body: []byte("a1")}, {key: "a", version: 3, body: []byte("a3")}}
	if err := box.putAll(ctx, batch, false); err != nil {
		t.Fatal(err)
	}
	got, err := box.oldest(ctx, 10)
	if err != nil || len(got) != 2 || got[0].key != "b" || string(got[1].body) != "a3" {
		t.Fatalf("oldest = %+v, %v; want b1 then a3", got, err)
	}
	if v, err := box.queuedVersion(ctx, "a"); err != nil || v != 3 {
		t.Errorf("queuedVersion(a) = %d, %v; want 3", v, err)
	}
}

// tableCount is how many states the outbox table itself holds.
func tableCount(t *testing.T, box *outbox) int {
	t.Helper()
	var n int
	if err := box.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOutboxKeepsStatesInMemoryWhileConnected: states wait in memory,
// newest per call, oldest first; only an acknowledged one is noted as
// queued, so a crash before it leaves the rest for recoverQueue.
func TestOutboxKeepsStatesInMemoryWhileConnected(t *testing.T) {
	box := testOutbox(t)
	ctx := context.Background()
	batch := []pending{{key: "a", version: 2, body: []byte("a2")}, {key: "b", version: 1, body: []byte("b1")}, {key: "a", version: 1, body: []byte("a1")}}
	if err := box.putAll(ctx, batch, true); err != nil {
		t.Fatal(err)
	}
	if n, _ := box.count(ctx); n != 2 || tableCount(t, box) != 0 {
		t.Errorf("count = %d with %d in the table, want 2 in memory", n, tableCount(t, box))
	}
	got, err := box.oldest(ctx, 10)
	if err != nil || len(got) != 2 || string(got[0].body) != "a2" || got[1].key != "b" || !got[0].mem {
		t.Fatalf("oldest = %+v, %v; want a2 then b1, from memory", got, err)
	}
	if v, _ := box.queuedVersion(ctx, "a"); v != 0 {
		t.Errorf("queuedVersion(a) before the acknowledgement = %d, want 0", v)
	}
	if err := box.done(ctx, got[0]); err != nil {
		t.Fatal(err)
	}
	if v, _ := box.queuedVersion(ctx, "a"); v != 2 {
		t.Errorf("queuedVersion(a) after the acknowledgement = %d, want 2", v)
	}
	if v, _ := box.queuedVersion(ctx, "b"); v != 0 {
		t.Errorf("queuedVersion(b), never acknowledged = %d, want 0 (recoverQueue queues it after a crash)", v)
	}
	if n, _ := box.count(ctx); n != 1 {
		t.Errorf("count after one acknowledgement = %d, want 1", n)
	}
	ringing := pending{key: "c", version: 1, body: []byte("c1"), live: true}
	if err := box.putAll(ctx, []pending{ringing}, true); err != nil {
		t.Fatal(err)
	}
	if got, _ = box.oldest(ctx, 10); len(got) != 2 || got[1].key != "c" {
		t.Fatalf("oldest = %+v, want b1 and c1", got)
	}
	if err := box.done(ctx, got[1]); err != nil {
		t.Fatal(err)
	}
	if v, _ := box.queuedVersion(ctx, "c"); v != 0 {
		t.Errorf("queuedVersion(c), a ringing call's state = %d, want 0 (its end is noted)", v)
	}
	if n, _ := box.count(ctx); n != 1 {
		t.Errorf("count after c's acknowledgement = %d, want 1", n)
	}
}

// TestOutboxSpillsToTheTable: past memMax states go to the table, and
// at close so do those in memory; the next start finds them all.
func TestOutboxSpillsToTheTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), outboxFile)
	box, err := openOutbox(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var batch []pending
	for i := range memMax + 3 {
		batch = append(batch, pending{key: fmt.Sprint("k", i), version: 1, body: []byte("x")})
	}
	if err := box.putAll(ctx, batch, true); err != nil {
		t.Fatal(err)
	}
	if n := tableCount(t, box); n != 3 {
		t.Errorf("%d states past memMax went to the table, want 3", n)
	}
	if err := box.close(); err != nil {
		t.Fatal(err)
	}
	box, err = openOutbox(path)
	if err != nil {
		t.Fatal(err)
	}
	defer box.close()
	got, err := box.oldest(ctx, 2*memMax)
	if err != nil || len(got) != memMax+3 || got[0].mem {
		t.Fatalf("after a restart oldest has %d states (err %v), want %d from the table", len(got), err, memMax+3)
	}
	if v, _ := box.queuedVersion(ctx, "k0"); v != 1 {
		t.Errorf("queuedVersion(k0) after close = %d, want 1 (it waits in the table)", v)
	}
}

// testOutbox is an outbox in a temp dir, closed with t.
func testOutbox(t *testing.T) *outbox {
	t.Helper()
	box, err := openOutbox(filepath.Join(t.TempDir(), outboxFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { box.close() })
	return box
}
