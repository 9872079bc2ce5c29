package team

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// fakeTracker is an in-memory tracker with the real one's merge rule: a
// state applies only if its version is newer. It reports every change on
// changes, as a calls.Subscription would.
type fakeTracker struct {
	mu      sync.Mutex
	byKey   map[string]*calls.Call
	nextID  int64
	merges  map[string]int // Merge calls per key@version
	applied map[string]int // applied merges per key
	changes chan calls.Call
	merged  chan string // when set, gets the key of each applied merge
	// startAt is when the calls of webhook start (default: a fixed day).
	startAt time.Time
}

func newFake() *fakeTracker {
	return &fakeTracker{byKey: map[string]*calls.Call{}, merges: map[string]int{},
		applied: map[string]int{}, changes: make(chan calls.Call, 10000)}
}

// webhook plays the local listener: the call with that key gets status
// and a new version.
func (f *fakeTracker) webhook(key string, status calls.Status) calls.Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.byKey[key]
	if c == nil {
		f.nextID++
		at := time.Date(2026, 3, 2, 9, 14, 0, 0, time.UTC)
		if !f.startAt.IsZero() {
			at = f.startAt
		}
		c = &calls.Call{ID: f.nextID, Direction: calls.In, From: "+4921112345678", To: "+4921199999",
			StartedAt: at, Legs: []calls.Leg{{CallID: key, StartedAt: at}}, Source: calls.FromWebhook}
		f.byKey[key] = c
	}
	c.Status, c.Version = status, c.Version+1
	f.changes <- *c
	return *c
}

func (f *fakeTracker) Merge(_ context.Context, in calls.Call) (calls.Call, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := in.Key()
	f.merges[fmt.Sprintf("%s@%d", key, in.Version)]++
	cur := f.byKey[key]
	if cur != nil && cur.Version >= in.Version {
		return *cur, false, nil
	}
	if cur == nil {
		f.nextID++
		in.ID = f.nextID
	} else {
		in.ID = cur.ID
	}
	f.byKey[key] = &in
	f.applied[key]++
	f.changes <- in
	if f.merged != nil {
		f.merged <- key
	}
	return in, true, nil
}

// Claim, like the real tracker's, takes missed calls only.
func (f *fakeTracker) Claim(_ context.Context, id int64, by string, at time.Time) (calls.Call, error) {
	// As the real tracker: a claim it already shows changes nothing (no
	// new version), another one's claim is refused.
	f.mu.Lock()
	for _, c := range f.byKey {
		if c.ID == id && c.ClaimedBy != "" {
			f.mu.Unlock()
			if c.ClaimedBy == by {
				return *c, nil
			}
			return *c, calls.ErrClaimed
		}
	}
	f.mu.Unlock()
	var err error
	c, cerr := f.change(id, func(c *calls.Call) {
		if c.Status != calls.StatusMissed {
			err = calls.ErrNotMissed
			return
		}
		c.ClaimedBy, c.ClaimedAt = by, &at
	})
	if err != nil {
		return c, err
	}
	return c, cerr
}

func (f *fakeTracker) Done(_ context.Context, id int64, at time.Time) (calls.Call, error) {
	return f.change(id, func(c *calls.Call) { c.DoneAt = &at })
}

func (f *fakeTracker) change(id int64, fn func(*calls.Call)) (calls.Call, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.byKey {
		if c.ID == id {
			fn(c)
			c.Version++
			f.changes <- *c
			return *c, nil
		}
	}
	return calls.Call{}, fmt.Errorf("no call %d", id)
}

// GetByKey returns the call with that key, as calls.Tracker does.
func (f *fakeTracker) GetByKey(_ context.Context, key string) (calls.Call, error) {
	if c, ok := f.get(key); ok {
		return c, nil
	}
	return calls.Call{}, fmt.Errorf("call %q: %w", key, calls.ErrNotFound)
}

// get returns the call with that key.
func (f *fakeTracker) get(key string) (calls.Call, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.byKey[key]
	if !ok {
		return calls.Call{}, false
	}
	return *c, true
}

// count is how many calls the tracker has.
func (f *fakeTracker) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.byKey)
}

// mergeCounts copies the Merge calls per key@version.
func (f *fakeTracker) mergeCounts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for k, v := range f.merges {
		out[k] = v
	}
	return out
}

// appliedTimes is how often a state of the call with that key applied.
func (f *fakeTracker) appliedTimes(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.applied[key]
}
