package calls

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Errors of Claim.
var (
	// ErrClaimed: someone else claimed the call first; the error names
	// who.
	ErrClaimed = errors.New("call already claimed")
	// ErrNotMissed: only a missed call is called back.
	ErrNotMissed = errors.New("only a missed call can be claimed")
)

// Claim records that by calls back the missed call id (team mode). The
// first claim wins: a claim by someone else returns the call unchanged
// and an error wrapping ErrClaimed that names who has it; the same
// person claiming again changes nothing.
func (t *Tracker) Claim(ctx context.Context, id int64, by string, at time.Time) (Call, error) {
	by = strings.TrimSpace(by)
	if by == "" {
		return Call{}, fmt.Errorf("claim call %d: no name given: say who calls back", id)
	}
	c, err := t.byID(ctx, id)
	if err != nil {
		return Call{}, err
	}
	switch {
	case c.Status != StatusMissed:
		err = fmt.Errorf("claim call %d: %w, and this one is %s", id, ErrNotMissed, c.Status)
	case c.ClaimedBy == by:
	case c.ClaimedBy != "":
		err = fmt.Errorf("claim call %d: %w by %s", id, ErrClaimed, c.ClaimedBy)
	default:
		at = at.UTC().Truncate(time.Millisecond)
		c.ClaimedBy, c.ClaimedAt = by, &at
		return t.bump(ctx, c)
	}
	out := c.clone()
	t.mu.Unlock()
	return out, err
}

// Done records that the call id was dealt with (called back); a call
// already done stays as it is.
func (t *Tracker) Done(ctx context.Context, id int64, at time.Time) (Call, error) {
	c, err := t.byID(ctx, id)
	if err != nil {
		return Call{}, err
	}
	if c.DoneAt != nil {
		out := c.clone()
		t.mu.Unlock()
		return out, nil
	}
	at = at.UTC().Truncate(time.Millisecond)
	c.DoneAt = &at
	return t.bump(ctx, c)
}

// bump stores and publishes the next version of c, which the caller
// changed holding t.mu; it releases t.mu and waits for the write.
func (t *Tracker) bump(ctx context.Context, c *call) (Call, error) {
	c.Version++
	w := t.queueCall(c, t.now())
	out := c.clone()
	t.mu.Unlock()
	_, err := t.wait(ctx, w)
	return out, err
}
