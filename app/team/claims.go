package team

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// Errors of Claim, Done, Block and Unblock.
var (
	// ErrOffline: the team's NATS cannot be reached now; claims and the
	// block list need it.
	ErrOffline = errors.New("the team's NATS server cannot be reached")
	// ErrUnknownCall: this desk has no call with that key.
	ErrUnknownCall = errors.New("no call with that key on this desk")
)

// ClaimedError is a claim that lost: someone else said first that they
// call back. The call returned with it shows their claim.
type ClaimedError struct {
	By string
	At time.Time
}

// Error names who calls back.
func (e *ClaimedError) Error() string { return "someone else already calls back: " + e.By }

// Unwrap lets errors.Is(err, calls.ErrClaimed) match.
func (e *ClaimedError) Unwrap() error { return calls.ErrClaimed }

// claim is the value in the claims bucket: the first one stays.
type claim struct {
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	Instance string    `json:"instance"`
}

// Claim says that by calls back the call with that key. The first claim
// in the team wins (a create-only entry in the claims bucket): the winner
// records it locally and publishes it; a later claim records the winner's
// claim locally and returns a *ClaimedError, which also matches
// calls.ErrClaimed.
func (t *Team) Claim(ctx context.Context, key, by string) (calls.Call, error) {
	id, err := t.localID(ctx, key)
	if err != nil {
		return calls.Call{}, err
	}
	return t.claim(ctx, id, key, by)
}

// claim is Claim for the local call id with that key.
func (t *Team) claim(ctx context.Context, id int64, key, by string) (calls.Call, error) {
	r := t.current()
	if r == nil || !t.nc.IsConnected() {
		return calls.Call{}, ErrOffline
	}
	won := claim{By: by, At: time.Now().UTC().Truncate(time.Millisecond), Instance: t.id}
	b, _ := json.Marshal(won)
	rev, err := r.claims.Create(ctx, escapeToken(key), b)
	created := err == nil
	if errors.Is(err, jetstream.ErrKeyExists) {
		e, gerr := r.claims.Get(ctx, escapeToken(key))
		if gerr != nil || json.Unmarshal(e.Value(), &won) != nil {
			return calls.Call{}, fmt.Errorf("%w: read claim: %v", ErrOffline, gerr)
		}
	} else if err != nil {
		return calls.Call{}, fmt.Errorf("%w: %v", ErrOffline, err)
	}
	c, err := t.opt.Tracker.Claim(ctx, id, won.By, won.At)
	switch {
	case err != nil && created:
		// The local tracker refused (not a missed call): give the claim back.
		r.claims.Delete(context.WithoutCancel(ctx), escapeToken(key), jetstream.LastRevision(rev))
		return c, fmt.Errorf("claim: %w", err)
	case err != nil:
		return c, fmt.Errorf("claim: %w", err)
	case created:
		return c, t.enqueue(ctx, c)
	case won.By != by:
		return c, &ClaimedError{By: won.By, At: won.At}
	}
	return c, nil
}

// Done says that the call back of the call with that key is done. It is
// recorded locally and published (from the outbox, so it works offline).
func (t *Team) Done(ctx context.Context, key string) (calls.Call, error) {
	id, err := t.localID(ctx, key)
	if err != nil {
		return calls.Call{}, err
	}
	return t.done(ctx, id)
}

// done is Done for a local call id.
func (t *Team) done(ctx context.Context, id int64) (calls.Call, error) {
	c, err := t.opt.Tracker.Done(ctx, id, time.Now().UTC())
	if err != nil {
		return calls.Call{}, fmt.Errorf("mark call done: %w", err)
	}
	return c, t.enqueue(ctx, c)
}

// localID is the id of the local call with that key.
func (t *Team) localID(ctx context.Context, key string) (int64, error) {
	c, err := t.opt.Tracker.GetByKey(ctx, key)
	switch {
	case errors.Is(err, calls.ErrNotFound):
		return 0, ErrUnknownCall
	case err != nil:
		return 0, fmt.Errorf("look up call: %w", err)
	}
	return c.ID, nil
}

// ClaimCall is Claim for a call of the local history, which may predate
// team mode: its key is learnt from the call.
func (t *Team) ClaimCall(ctx context.Context, c calls.Call, by string) (calls.Call, error) {
	if c.Key() == "" || c.ID == 0 {
		return calls.Call{}, ErrUnknownCall
	}
	return t.claim(ctx, c.ID, c.Key(), by)
}

// DoneCall is Done for a call of the local history.
func (t *Team) DoneCall(ctx context.Context, c calls.Call) (calls.Call, error) {
	if c.Key() == "" || c.ID == 0 {
		return calls.Call{}, ErrUnknownCall
	}
	return t.done(ctx, c.ID)
}
