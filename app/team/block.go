package team

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// BlockEntry is an entry of the team's block list (the value in its
// bucket; the key is the escaped number). An unblocked number keeps an
// entry with Blocked false, so a desk that was off can tell an unblock
// newer than its own block from one older.
type BlockEntry struct {
	Number  string    `json:"number"`
	Blocked bool      `json:"blocked"`
	At      time.Time `json:"at"`
	// Instance is the desk that made the change.
	Instance string `json:"instance"`
}

// Block puts a number on the team's block list: every receiver rejects
// its next call.
func (t *Team) Block(ctx context.Context, e164 string) error {
	return t.setBlocked(ctx, e164, true)
}

// Unblock takes a number off the team's block list.
func (t *Team) Unblock(ctx context.Context, e164 string) error {
	return t.setBlocked(ctx, e164, false)
}

func (t *Team) setBlocked(ctx context.Context, e164 string, blocked bool) error {
	r, err := t.blockList(e164)
	if err != nil {
		return err
	}
	e := BlockEntry{Number: e164, Blocked: blocked, At: time.Now().UTC(), Instance: t.id}
	b, _ := json.Marshal(e)
	if _, err := r.blocked.Put(ctx, escapeToken(e164), b); err != nil {
		return fmt.Errorf("%w: block list: %v", ErrOffline, err)
	}
	return nil
}

func (t *Team) blockList(e164 string) (*resources, error) {
	if e164 == "" || len(e164) > 64 {
		return nil, fmt.Errorf("block list: %q is not a phone number", e164)
	}
	r := t.current()
	if r == nil || !t.nc.IsConnected() {
		return nil, ErrOffline
	}
	return r, nil
}

// watchBlocks reports every entry of the block list to OnBlocked, the
// present ones first, until ctx ends.
func (t *Team) watchBlocks(ctx context.Context, kv jetstream.KeyValue) {
	for n := 0; ctx.Err() == nil; n++ {
		w, err := kv.WatchAll(ctx)
		if err == nil {
			t.relayBlocks(ctx, w)
			w.Stop()
		}
		sleep(ctx, backoff(n, t.opt.RetryMax))
	}
}

func (t *Team) relayBlocks(ctx context.Context, w jetstream.KeyWatcher) {
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-w.Updates():
			if !ok {
				return
			}
			if e == nil {
				t.opt.OnBlocked(BlockEntry{}) // the entries present at the start are all told
				continue
			}
			if b, ok := blockOf(e); ok {
				t.opt.OnBlocked(b)
			}
		}
	}
}

// blockOf reads a block-list entry; a deleted or purged key is an
// unblock at the time of the deletion.
func blockOf(e jetstream.KeyValueEntry) (BlockEntry, bool) {
	number, ok := unescapeToken(e.Key())
	if !ok {
		return BlockEntry{}, false
	}
	b := BlockEntry{Number: number, At: e.Created()}
	if e.Operation() == jetstream.KeyValuePut && json.Unmarshal(e.Value(), &b) != nil {
		return BlockEntry{}, false
	}
	b.Number = number
	return b, true
}
