package team

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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
// newest per call, oldest first, and nothing of them is written: a crash
// leaves them to recoverQueue.
func TestOutboxKeepsStatesInMemoryWhileConnected(t *testing.T) {
	box := testOutbox(t)
	ctx := context.Background()
	before := writes(t, box)
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
	if err := box.done(ctx, got[0]); err != nil {
		t.Fatal(err)
	}
	if n, _ := box.count(ctx); n != 1 {
		t.Errorf("count after one acknowledgement = %d, want 1", n)
	}
	newer := pending{key: "b", version: 2, body: []byte("b2")}
	if err := box.putAll(ctx, []pending{newer}, true); err != nil {
		t.Fatal(err)
	}
	if err := box.done(ctx, got[1]); err != nil { // b1, published before b2 came
		t.Fatal(err)
	}
	if got, _ = box.oldest(ctx, 10); len(got) != 1 || string(got[0].body) != "b2" {
		t.Fatalf("oldest after b1's acknowledgement = %+v, want b2 still waiting", got)
	}
	if n := writes(t, box); n != before {
		t.Errorf("states waiting in memory made %d row changes in the outbox file, want none", n-before)
	}
}

// writes is how many rows the outbox's connection changed since it opened.
func writes(t *testing.T, box *outbox) int {
	t.Helper()
	var n int
	if err := box.db.QueryRow(`SELECT total_changes()`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOutboxKnowsWhetherTeamModeRanBefore: a new outbox has nothing for
// recoverQueue; a reopened one has, and so has one of an older version
// (its per-call tables are dropped).
func TestOutboxKnowsWhetherTeamModeRanBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), outboxFile)
	box, err := openOutbox(path)
	if err != nil {
		t.Fatal(err)
	}
	if box.ranBefore {
		t.Error("a new outbox says team mode ran before")
	}
	box.close()
	if box, err = openOutbox(path); err != nil {
		t.Fatal(err)
	}
	if !box.ranBefore {
		t.Error("a reopened outbox says team mode never ran")
	}
	box.close()

	legacy := filepath.Join(t.TempDir(), outboxFile)
	db, err := sql.Open("sqlite", legacy)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE TABLE call_ids(key TEXT PRIMARY KEY, id INTEGER NOT NULL);
		CREATE TABLE queued(key TEXT PRIMARY KEY, version INTEGER NOT NULL, at INTEGER NOT NULL);`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if box, err = openOutbox(legacy); err != nil {
		t.Fatal(err)
	}
	defer box.close()
	var left int
	if err := box.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('call_ids', 'queued')`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if !box.ranBefore || left != 0 {
		t.Errorf("an older version's outbox: ranBefore %v, %d of its per-call tables left; want true and 0", box.ranBefore, left)
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

// TestOutboxEncodesOnlyWhatLeavesMemory: a state waiting in memory is
// written as JSON only when it is sent or stored, so the states a newer
// one replaces are never encoded; one that no JSON can carry is dropped
// from a spill with an error naming it, and the others are stored.
func TestOutboxEncodesOnlyWhatLeavesMemory(t *testing.T) {
	box := testOutbox(t)
	ctx := context.Background()
	state := func(key string, v int64, year int) pending {
		at := time.Date(year, 3, 2, 9, 14, 0, 0, time.UTC)
		return pendingOf(calls.Call{ID: v, Version: v, Direction: calls.In, StartedAt: at,
			Legs: []calls.Leg{{CallID: key, StartedAt: at}}, Status: calls.StatusRinging})
	}
	for v := range int64(3) {
		if err := box.putAll(ctx, []pending{state("a", v+1, 2026)}, true); err != nil {
			t.Fatal(err)
		}
	}
	if m := box.mem["a"]; m.version != 3 || m.body != nil {
		t.Fatalf("in memory: version %d, %d bytes of JSON; want version 3 not encoded yet", m.version, len(m.body))
	}
	got, err := box.oldest(ctx, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("oldest = %+v, %v; want one state", got, err)
	}
	body, err := got[0].encoded()
	var c calls.Call
	if err == nil {
		err = json.Unmarshal(body, &c)
	}
	if err != nil || c.Version != 3 || c.Key() != "a" {
		t.Fatalf("encoded = %s, %v; want call a version 3", body, err)
	}

	if err := box.putAll(ctx, []pending{state("far", 1, 10000)}, true); err != nil {
		t.Fatal(err)
	}
	err = box.spill(ctx)
	if err == nil || !strings.Contains(err.Error(), "far") {
		t.Errorf("spill of a state no JSON can carry = %v, want an error naming it", err)
	}
	if n := tableCount(t, box); n != 1 {
		t.Errorf("%d states stored by the spill, want 1 (a, version 3)", n)
	}
}
