package calls

import (
	"context"
	"slices"
	"time"
)

// Merge applies a call state learned elsewhere: another desk of the team
// (Source FromTeam, the default) or sipgate's /history
// (FromSipgateHistory). It returns the local call after the merge and
// whether in changed it; a change is stored and published like a
// webhook's, and merging the same state again changes nothing.
//
// A call with the same Key takes in only when in.Version is newer; it
// keeps its local ID and, when the local book names the other party, the
// local lookup. A call seen nowhere yet is added with a new local ID; a
// live one (ringing, active) stays in memory for the merges and pushes
// that follow. An
// entry of sipgate's history that matches no key matches a call with the
// same other party that started within historyWindow, and only fills in
// what that call lacks (see fill).
func (t *Tracker) Merge(ctx context.Context, in Call) (out Call, applied bool, err error) {
	if err := checkMerge(in); err != nil {
		return Call{}, false, err
	}
	in = normalize(in)
	who, named := t.lookup(in.Party())
	c, err := t.locate(ctx, func() *call { return t.mergeTarget(in) }, func(ctx context.Context) (row, bool, error) {
		return t.storedMergeTarget(ctx, in)
	})
	if err != nil {
		return Call{}, false, err
	}
	changed := true
	switch {
	case c == nil:
		c = t.adopt(in, who, named)
	case in.Source == FromSipgateHistory:
		if changed = fill(c, in); changed {
			c.Version++
		}
	case in.Version > c.Version:
		overwrite(c, in, who, named)
		for _, l := range c.Legs {
			t.idx.addLeg(c, l.CallID)
		}
	default:
		changed = false
	}
	if !changed {
		out = c.clone()
		t.mu.Unlock()
		return out, false, nil
	}
	w := t.queueCall(c, t.now())
	out = c.clone()
	t.mu.Unlock()
	if _, err = t.wait(ctx, w); err != nil {
		return out, false, err
	}
	t.forgetEnded(c, out.Version)
	return out, true, nil
}

// forgetEnded takes a merged call that has ended out of memory once it is
// stored, unless it changed again meanwhile: a history sync would
// otherwise hold thousands of old calls. Its key still finds it in the
// store (a replayed or straggling push, a later merge).
func (t *Tracker) forgetEnded(c *call, version int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !c.Status.Live() && c.Version == version && t.idx.byID[c.ID] == c {
		t.idx.remove(c)
	}
}

// normalize gives in the shape the tracker keeps: its own copy, times in
// UTC at the store's millisecond resolution, empty lists rather than
// none, and a source.
func normalize(in Call) Call {
	in = in.clone()
	if in.Source == "" {
		in.Source = FromTeam
	}
	if in.Users == nil {
		in.Users = []string{}
	}
	if in.Legs == nil {
		in.Legs = []Leg{}
	}
	in.StartedAt = ms(in.StartedAt)
	msPtrs(&in.AnsweredAt, &in.EndedAt, &in.ClaimedAt, &in.DoneAt)
	for i := range in.Legs {
		l := &in.Legs[i]
		l.Users = slices.Clone(l.Users)
		l.StartedAt = ms(l.StartedAt)
		msPtrs(&l.AnsweredAt, &l.EndedAt)
	}
	return in
}

func ms(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// msPtrs replaces each time with a copy in UTC milliseconds.
func msPtrs(ps ...**time.Time) {
	for _, p := range ps {
		if *p != nil {
			t := ms(**p)
			*p = &t
		}
	}
}
