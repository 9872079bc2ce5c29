package team

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// intake moves the tracker's changes into the outbox: the calls this
// desk's webhook listener saw, not the states merged from the team. The
// changes waiting are taken together, in one outbox transaction.
func (t *Team) intake(ctx context.Context) {
	batch := make([]calls.Call, 0, intakeBatch)
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-t.opt.Changes:
			if !ok {
				return
			}
			batch = append(batch[:0], c)
			open := t.drain(&batch)
			t.take(ctx, batch)
			if !open {
				return
			}
		}
	}
}

// intakeBatch bounds the changes one outbox transaction takes.
const intakeBatch = 256

// drain adds the changes already waiting to batch; false once the
// tracker closed the channel.
func (t *Team) drain(batch *[]calls.Call) bool {
	for len(*batch) < intakeBatch {
		select {
		case c, ok := <-t.opt.Changes:
			if !ok {
				return false
			}
			*batch = append(*batch, c)
		default:
			return true
		}
	}
	return true
}

// take queues the changes of this desk's own listener.
func (t *Team) take(ctx context.Context, cs []calls.Call) {
	var out []pending
	for _, c := range cs {
		key := c.Key()
		if key == "" {
			continue
		}
		if c.Source != calls.FromWebhook && c.Source != "" || t.echo.seen(key, c.Version) {
			continue
		}
		t.lastWebhook.Store(time.Now().UnixMilli())
		t.markReceiver()
		out = append(out, pendingOf(c))
	}
	if err := t.box.putAll(ctx, out, t.publishing()); err != nil {
		if ctx.Err() != nil {
			// Stopping: recoverQueue queues them at the next start.
			t.log.Info("team: stopping; call changes are handed to the team at the next start", "changes", len(out))
			return
		}
		t.log.Error("team: call changes not queued for the team", "changes", len(out), "err", err)
		return
	}
	t.wakeSender()
}

// pendingOf is c as the outbox keeps it.
func pendingOf(c calls.Call) pending {
	return pending{key: c.Key(), version: c.Version, call: c}
}

// enqueue stores c durably in the outbox and wakes the sender. Claims
// and done marks come this way, as nothing would queue them again after
// a crash (unlike a webhook's change, which recoverQueue finds), and so
// do the states recoverQueue finds.
func (t *Team) enqueue(ctx context.Context, c calls.Call) error {
	if err := t.box.putAll(ctx, []pending{pendingOf(c)}, false); err != nil {
		return err
	}
	t.wakeSender()
	return nil
}

// publishing reports whether JetStream is connected and set up, so
// states may wait for it in memory.
func (t *Team) publishing() bool {
	return t.state() == Connected && t.current() != nil
}

// wakeSender tells the sender that the outbox has something new.
func (t *Team) wakeSender() {
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// send publishes the outbox, oldest first, removing what JetStream
// acknowledged and retrying the rest with backoff. It starts with what a
// previous run left.
func (t *Team) send(ctx context.Context) {
	fails := 0
	for ctx.Err() == nil {
		batch, err := t.box.oldest(ctx, sendBatch)
		var sent []pending
		if err == nil {
			sent, err = t.publishAll(ctx, batch)
		}
		// What JetStream acknowledged leaves the outbox in one go; a
		// crash before that publishes it again, which desks ignore (the
		// same version).
		if derr := t.box.done(ctx, sent...); err == nil {
			err = derr
		}
		switch {
		case err != nil:
			// JetStream may stay away: what waits in memory goes where
			// a restart finds it.
			if serr := t.box.spill(ctx); serr != nil && ctx.Err() == nil {
				t.log.Warn("team: cannot keep waiting call changes in the outbox", "err", serr)
			}
			fails++
			t.log.Debug("team: publish failed, retrying", "err", err)
			sleep(ctx, backoff(fails, t.opt.RetryMax))
		case len(batch) > 0:
			fails = 0
			if len(batch) < sendBatch {
				// Everything waiting went out. Changes that keep coming
				// (a ring group's legs, a burst) wait a moment, so each
				// call's newest state goes out once for all of them.
				sleep(ctx, sendPause)
			}
		default:
			select {
			case <-t.wake:
			case <-ctx.Done():
			}
		}
	}
}

const (
	// sendBatch is how many states one round of publishing takes.
	sendBatch = 64
	// sendPause is how long the sender waits after it published all
	// there was: the first change after a quiet moment goes out at once,
	// later ones at most this much later.
	sendPause = 10 * time.Millisecond
)

// publishTimeout bounds the wait for JetStream's acknowledgement.
const publishTimeout = 5 * time.Second

// msgOf is the message that carries p.
func (t *Team) msgOf(p pending, body []byte) *nats.Msg {
	m := nats.NewMsg(t.names.subject(p.key))
	m.Header.Set(HeaderInstance, t.id)
	m.Data = body
	return m
}

// publishAll publishes the batch without waiting for each
// acknowledgement in turn, then collects them: the states JetStream
// acknowledged, and the first error (the others are retried).
func (t *Team) publishAll(ctx context.Context, batch []pending) ([]pending, error) {
	futures := make([]jetstream.PubAckFuture, 0, len(batch))
	published := make([]pending, 0, len(batch))
	sent := make([]pending, 0, len(batch))
	var first error
	for _, p := range batch {
		body, err := p.encoded()
		if err != nil {
			// It can never be sent: it leaves the outbox.
			t.log.Error("team: call change not handed to the team", "err", err)
			sent = append(sent, p)
			continue
		}
		f, err := t.js.PublishMsgAsync(t.msgOf(p, body), jetstream.WithMsgID(msgID(p.key, p.version)))
		if err != nil {
			first = fmt.Errorf("publish call state: %w", err)
			break
		}
		futures, published = append(futures, f), append(published, p)
	}
	timeout := time.NewTimer(publishTimeout)
	defer timeout.Stop()
	for i, f := range futures {
		select {
		case <-f.Ok():
			sent = append(sent, published[i])
			continue
		case err := <-f.Err():
			if first == nil {
				first = fmt.Errorf("publish call state: %w", err)
			}
			continue
		case <-timeout.C:
			first = cmp.Or(first, errors.New("publish call state: no acknowledgement from JetStream within 5 s"))
		case <-ctx.Done():
			first = cmp.Or(first, ctx.Err())
		}
		break
	}
	return sent, first
}
