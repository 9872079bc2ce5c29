package team

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// History reads the local call history, newest first;
// *calls.Tracker implements it.
type History interface {
	Recent(ctx context.Context, q calls.Query) ([]calls.Call, error)
}

// recoverWindow is how long before the newest call of this desk's
// listener a call may have started and still be looked at by
// recoverQueue: longer than a call stays live (calls.DefaultStaleAfter)
// with room to spare.
const recoverWindow = 24 * time.Hour

// recoverMax bounds the calls recoverQueue reads.
const recoverMax = 5000

// recoverQueue queues the states of this desk's listener that a previous
// run stored in the call history but never got into the stream: the
// webhook's 200 does not wait for the outbox, and a state waits for
// JetStream in memory, so a process killed in between leaves such states
// behind. Once the stream is set up it reads the history newest first,
// back to the calls that started recoverWindow before the newest one,
// and queues each call whose version is newer than the stream's newest
// state of it. The stream is the record of what was published: nothing
// is written per call to remember it. A desk whose outbox is new (team
// mode never ran here) has nothing to recover.
func (t *Team) recoverQueue(ctx context.Context) {
	if !t.box.ranBefore || t.opt.History == nil {
		return
	}
	select {
	case <-t.ready:
	case <-ctx.Done():
		return
	}
	s, err := t.js.Stream(ctx, t.names.stream())
	if err != nil && ctx.Err() == nil {
		t.log.Warn("team: cannot read the stream; queueing the last day's calls again", "err", err)
	}
	var cutoff time.Time
	n, queued := 0, 0
	for before := int64(0); n < recoverMax && ctx.Err() == nil; {
		page, err := t.opt.History.Recent(ctx, calls.Query{Limit: 200, Before: before})
		if err != nil || len(page) == 0 {
			break
		}
		for _, c := range page {
			before, n = c.ID, n+1
			if c.Source != calls.FromWebhook || c.Key() == "" {
				continue
			}
			if cutoff.IsZero() {
				cutoff = c.StartedAt.Add(-recoverWindow)
			}
			if c.StartedAt.Before(cutoff) {
				n = recoverMax
				break
			}
			if t.requeue(ctx, s, c) {
				queued++
			}
		}
	}
	if queued > 0 {
		t.log.Info("team: queued calls a previous run had not handed to the team", "calls", queued)
	}
}

// requeue queues c when the stream (s; nil when it could not be read)
// has no state of it as new.
func (t *Team) requeue(ctx context.Context, s jetstream.Stream, c calls.Call) bool {
	if s != nil {
		v, err := publishedVersion(ctx, s, t.names.subject(c.Key()))
		if err == nil && v >= c.Version {
			return false
		}
	}
	if err := t.enqueue(ctx, c); err != nil {
		t.log.Error("team: call change not queued for the team", "err", err)
		return false
	}
	return true
}

// publishedVersion is the version of the newest state the stream keeps
// on subject: 0 for none or an unreadable one.
func publishedVersion(ctx context.Context, s jetstream.Stream, subject string) (int64, error) {
	m, err := s.GetLastMsgForSubject(ctx, subject)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var v struct {
		Version int64 `json:"version"`
	}
	if json.Unmarshal(m.Data, &v) != nil {
		return 0, nil
	}
	return v.Version, nil
}
