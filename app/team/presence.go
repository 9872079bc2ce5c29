package team

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Receiver is a desk with a webhook listener, as its heartbeat tells.
type Receiver struct {
	Instance string `json:"instance"`
	Host     string `json:"host"`
	// LastWebhook is when its listener last handled a call; nil if never
	// since it started.
	LastWebhook *time.Time `json:"last_webhook"`
	// SeenAt is the time of its latest heartbeat.
	SeenAt time.Time `json:"seen_at"`
}

// heartbeat keeps this receiver's presence entry fresh until ctx ends.
func (t *Team) heartbeat(ctx context.Context) {
	for _, wait := range []chan struct{}{t.firstWebhook, t.ready} {
		select {
		case <-wait:
		case <-ctx.Done():
			return
		}
	}
	tick := time.NewTicker(t.opt.Heartbeat)
	defer tick.Stop()
	for {
		t.beat(ctx)
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
	}
}

func (t *Team) beat(ctx context.Context) {
	r := t.current()
	b, _ := json.Marshal(t.self())
	ctx, cancel := context.WithTimeout(ctx, t.opt.Heartbeat)
	defer cancel()
	if _, err := r.presence.Put(ctx, t.id, b); err != nil {
		t.log.Debug("team: heartbeat failed", "err", err)
		return
	}
	if _, err := r.receivers.Put(ctx, t.id, b); err != nil {
		t.log.Debug("team: heartbeat failed", "err", err)
	}
}

func (t *Team) self() Receiver {
	r := Receiver{Instance: t.id, Host: t.opt.Hostname, SeenAt: time.Now().UTC()}
	if ms := t.lastWebhook.Load(); ms != 0 {
		at := time.UnixMilli(ms).UTC()
		r.LastWebhook = &at
	}
	return r
}

// markReceiver makes this desk a receiver: it starts its heartbeat.
func (t *Team) markReceiver() {
	if t.receiver.CompareAndSwap(false, true) {
		close(t.firstWebhook)
	}
}

// leave removes this receiver's presence at once, so the others need not
// wait for the entry to expire.
func (t *Team) leave() {
	r := t.current()
	if !t.receiver.Load() || r == nil || !t.nc.IsConnected() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	b, _ := json.Marshal(t.self())
	r.receivers.Put(ctx, t.id, b)
	r.presence.Delete(ctx, t.id)
}

// readReceivers reads every entry of a presence bucket, sorted by
// instance.
func readReceivers(ctx context.Context, kv jetstream.KeyValue) ([]Receiver, error) {
	keys, err := kv.ListKeys(ctx)
	if err != nil {
		return nil, err
	}
	var out []Receiver
	for k := range keys.Keys() {
		e, err := kv.Get(ctx, k)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		var r Receiver
		if json.Unmarshal(e.Value(), &r) == nil && r.Instance != "" {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Receiver) int { return strings.Compare(a.Instance, b.Instance) })
	return out, ctx.Err()
}
