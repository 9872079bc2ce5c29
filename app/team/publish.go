package team

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// intake moves the tracker's changes into the outbox: the calls this
// desk's webhook listener saw, not the states merged from the team.
func (t *Team) intake(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-t.opt.Changes:
			if !ok {
				return
			}
			t.take(ctx, c)
		}
	}
}

func (t *Team) take(ctx context.Context, c calls.Call) {
	key := c.Key()
	if key == "" {
		return
	}
	if err := t.box.remember(ctx, key, c.ID); err != nil {
		t.log.Warn("team: cannot keep the call's local id", "err", err)
	}
	if c.Source != calls.FromWebhook && c.Source != "" || t.echo.seen(key, c.Version) {
		return
	}
	t.lastWebhook.Store(time.Now().UnixMilli())
	t.markReceiver()
	if err := t.enqueue(ctx, c); err != nil {
		if ctx.Err() != nil {
			// Stopping: recoverQueue queues it at the next start.
			t.log.Info("team: stopping; a call change is handed to the team at the next start")
			return
		}
		t.log.Error("team: call change not queued for the team", "err", err)
	}
}

// enqueue stores c durably in the outbox and wakes the sender.
func (t *Team) enqueue(ctx context.Context, c calls.Call) error {
	body, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode call: %w", err)
	}
	if err := t.box.put(ctx, pending{key: c.Key(), version: c.Version, body: body}); err != nil {
		return err
	}
	select {
	case t.wake <- struct{}{}:
	default:
	}
	return nil
}

// send publishes the outbox, oldest first, removing what JetStream
// acknowledged and retrying the rest with backoff. It starts with what a
// previous run left.
func (t *Team) send(ctx context.Context) {
	fails := 0
	for ctx.Err() == nil {
		batch, err := t.box.oldest(ctx, 64)
		for _, p := range batch {
			if err = t.publish(ctx, p); err != nil {
				break
			}
			if err = t.box.done(ctx, p); err != nil {
				break
			}
		}
		switch {
		case err != nil:
			fails++
			t.log.Debug("team: publish failed, retrying", "err", err)
			sleep(ctx, backoff(fails, t.opt.RetryMax))
		case len(batch) > 0:
			fails = 0
		default:
			select {
			case <-t.wake:
			case <-ctx.Done():
			}
		}
	}
}

func (t *Team) publish(ctx context.Context, p pending) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	m := nats.NewMsg(t.names.subject(p.key))
	m.Header.Set(HeaderInstance, t.id)
	m.Data = p.body
	if _, err := t.js.PublishMsg(ctx, m, jetstream.WithMsgID(msgID(p.key, p.version))); err != nil {
		return fmt.Errorf("publish call state: %w", err)
	}
	return nil
}
