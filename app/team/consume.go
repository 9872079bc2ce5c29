package team

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

var errConsumerStopped = errors.New("consumer stopped")

// supervise sets the team up and consumes, again after any failure, until
// ctx ends.
func (t *Team) supervise(ctx context.Context) {
	watching := false
	for n := 0; ; n++ {
		r, err := t.setup(ctx)
		if err == nil {
			t.setResources(r)
			if !watching && t.opt.OnBlocked != nil {
				watching = true
				t.spawn(func(ctx context.Context) { t.watchBlocks(ctx, r.blocked) })
			}
			n = 0
			err = t.consume(ctx, r.consumer)
		}
		if ctx.Err() != nil {
			return
		}
		t.log.Warn("team: set-up failed, retrying", "err", err)
		if !sleep(ctx, backoff(n, t.opt.RetryMax)) {
			return
		}
	}
}

// consume delivers the consumer's messages to handle until ctx ends or
// the consumer goes away.
func (t *Team) consume(ctx context.Context, c jetstream.Consumer) error {
	info, err := c.Info(ctx)
	if err != nil {
		return err
	}
	if info.NumPending == 0 {
		t.catch.finish()
	}
	cc, err := c.Consume(t.handle, jetstream.ConsumeErrHandler(func(cc jetstream.ConsumeContext, err error) {
		if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
			cc.Stop()
		}
	}))
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		cc.Stop()
		<-cc.Closed()
		return ctx.Err()
	case <-cc.Closed():
		return errConsumerStopped
	}
}

// handle merges one received state. Own states are acknowledged unread;
// an unreadable one is dropped for good; a failed merge comes back later.
func (t *Team) handle(m jetstream.Msg) {
	meta, _ := m.Metadata()
	defer func() {
		if meta != nil && meta.NumPending == 0 {
			t.catch.finish()
		}
	}()
	if m.Headers().Get(HeaderInstance) == t.id {
		m.Ack()
		return
	}
	var c calls.Call
	key := ""
	if err := json.Unmarshal(m.Data(), &c); err == nil {
		key = c.Key()
	}
	if key == "" {
		t.log.Warn("team: dropped an unreadable call state", "subject", m.Subject())
		m.Term()
		return
	}
	c.ID, c.Source = 0, calls.FromTeam
	t.echo.note(key, c.Version)
	out, applied, err := t.opt.Tracker.Merge(t.ctx, c)
	if err != nil {
		if !t.mergeFailed(m, meta, err) {
			meta = nil // it comes back: not caught up yet
		}
		return
	}
	if applied {
		t.catch.add(out)
	}
	m.Ack()
}

// maxMergeTries bounds the deliveries of a state the tracker refuses: a
// store that is briefly busy gets retried, a state it can never take (an
// unknown status from a newer app) is dropped rather than retried forever.
const maxMergeTries = 10

// mergeFailed retries m later, or drops it after maxMergeTries; it
// reports whether m was dropped.
func (t *Team) mergeFailed(m jetstream.Msg, meta *jetstream.MsgMetadata, err error) bool {
	if meta != nil && meta.NumDelivered >= maxMergeTries {
		t.log.Error("team: dropped a call state the tracker refuses", "err", err, "subject", m.Subject())
		m.Term()
		return true
	}
	t.log.Warn("team: merge failed, will retry", "err", err)
	tries := uint64(1)
	if meta != nil {
		tries = meta.NumDelivered
	}
	m.NakWithDelay(time.Duration(tries) * time.Second)
	return false
}
