package team

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// blockEntry is the value in the block-list bucket; the key is the
// escaped number.
type blockEntry struct {
	Number   string    `json:"number"`
	At       time.Time `json:"at"`
	Instance string    `json:"instance"`
}

// Block puts a number on the team's block list: every receiver rejects
// its next call.
func (t *Team) Block(ctx context.Context, e164 string) error {
	r, err := t.blockList(e164)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(blockEntry{Number: e164, At: time.Now().UTC(), Instance: t.id})
	if _, err := r.blocked.Put(ctx, escapeToken(e164), b); err != nil {
		return fmt.Errorf("%w: block: %v", ErrOffline, err)
	}
	return nil
}

// Unblock takes a number off the team's block list.
func (t *Team) Unblock(ctx context.Context, e164 string) error {
	r, err := t.blockList(e164)
	if err != nil {
		return err
	}
	if err := r.blocked.Delete(ctx, escapeToken(e164)); err != nil {
		return fmt.Errorf("%w: unblock: %v", ErrOffline, err)
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
				continue
			}
			number, ok := unescapeToken(e.Key())
			if !ok {
				continue
			}
			t.opt.OnBlocked(number, e.Operation() == jetstream.KeyValuePut)
		}
	}
}
