package team

import (
	"context"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// History reads the local call history, newest first;
// *calls.Tracker implements it.
type History interface {
	Recent(ctx context.Context, q calls.Query) ([]calls.Call, error)
}

// recoverWindow is how long before the newest queued change a call may
// have started and still be looked at by recoverQueue: longer than a
// call stays live (calls.DefaultStaleAfter) with room to spare.
const recoverWindow = 24 * time.Hour

// recoverMax bounds the calls recoverQueue reads.
const recoverMax = 5000

// recoverQueue queues the calls of this desk's listener that the tracker
// stored but the outbox never took: the webhook's 200 does not wait for
// the outbox, so a process killed in between leaves such calls behind.
// It reads the history newest first, back to the calls that started
// recoverWindow before the newest queued change, and queues each call
// whose version is newer than the one queued for it. A desk that never
// queued anything has nothing to recover.
func (t *Team) recoverQueue(ctx context.Context) {
	newest, ok, err := t.box.newestQueued(ctx)
	if err != nil || !ok || t.opt.History == nil {
		return
	}
	cutoff := newest.Add(-recoverWindow)
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
			if c.StartedAt.Before(cutoff) {
				n = recoverMax
				break
			}
			if t.requeue(ctx, c) {
				queued++
			}
		}
	}
	if queued > 0 {
		t.log.Info("team: queued calls a previous run had not handed to the outbox", "calls", queued)
	}
}

// requeue queues c when its version is newer than the one queued for it.
func (t *Team) requeue(ctx context.Context, c calls.Call) bool {
	v, err := t.box.queuedVersion(ctx, c.Key())
	if err != nil || c.Version <= v {
		return false
	}
	if err := t.enqueue(ctx, c); err != nil {
		t.log.Error("team: call change not queued for the team", "err", err)
		return false
	}
	return true
}
