package calls

import (
	"cmp"
	"context"
	"fmt"
	"time"
)

// historyWindow is how far apart the start of a call and of a sipgate
// history entry with the same other party may be to count as one call.
const historyWindow = time.Minute

// checkMerge refuses a state the tracker cannot keep, naming the problem.
func checkMerge(in Call) error {
	switch {
	case in.Direction != In && in.Direction != Out:
		return fmt.Errorf("merge call %q: direction %q is neither %q nor %q", in.Key(), in.Direction, In, Out)
	case !in.Status.known():
		return fmt.Errorf("merge call %q: unknown status %q", in.Key(), in.Status)
	case in.Source != "" && in.Source != FromTeam && in.Source != FromSipgateHistory && in.Source != FromWebhook:
		return fmt.Errorf("merge call %q: unknown source %q", in.Key(), in.Source)
	case in.Version < 0:
		return fmt.Errorf("merge call %q: negative version %d", in.Key(), in.Version)
	case in.Key() == "" && in.Source != FromSipgateHistory:
		return fmt.Errorf("merge call: it has no key (its first leg needs a callId)")
	case in.Key() == "" && in.Party() == "":
		return fmt.Errorf("merge call: a history entry needs a callId or the other party's number")
	}
	return nil
}

// mergeTarget is the call in memory that in is a state of; t.mu is held.
func (t *Tracker) mergeTarget(in Call) *call {
	if k := in.Key(); k != "" {
		if c := t.idx.byLeg[k]; c != nil {
			return c
		}
	}
	if in.Source != FromSipgateHistory {
		return nil
	}
	var best *call
	for _, c := range t.idx.byID {
		if near(c.Call, in) && (best == nil || gap(c.Call, in) < gap(best.Call, in)) {
			best = c
		}
	}
	return best
}

// storedMergeTarget is the stored call that in is a state of.
func (t *Tracker) storedMergeTarget(ctx context.Context, in Call) (row, bool, error) {
	if k := in.Key(); k != "" {
		if r, ok, err := t.hist.storedByKey(ctx, k); ok || err != nil {
			return r, ok, err
		}
	}
	if in.Source != FromSipgateHistory || in.Party() == "" {
		return row{}, false, nil
	}
	return t.hist.storedNear(ctx, in.Party(), in.StartedAt, historyWindow)
}

// near reports whether the history entry in may be the call c: same
// other party, started within historyWindow, and not itself from the
// history (one entry matches one call).
func near(c, in Call) bool {
	return c.Source != FromSipgateHistory && c.Party() == in.Party() && in.Party() != "" &&
		gap(c, in) <= historyWindow
}

func gap(c, in Call) time.Duration {
	d := c.StartedAt.Sub(in.StartedAt)
	return max(d, -d)
}

// adopt makes a new local call of in; t.mu is held.
func (t *Tracker) adopt(in Call, who Caller, named bool) *call {
	t.nextID++
	c := &call{Call: in, key: in.Key()}
	c.ID = t.nextID
	c.Version = max(c.Version, 1)
	nameMerged(&c.Call, in, who, named)
	c.flags()
	t.idx.add(c)
	t.keys.add(c.key)
	return c
}

// overwrite takes a newer state of c from in, keeping c's id, key,
// numbers, direction and source.
func overwrite(c *call, in Call, who Caller, named bool) {
	c.Legs, c.Users, c.AnsweredBy, c.Status, c.Cause = in.Legs, in.Users, in.AnsweredBy, in.Status, in.Cause
	c.StartedAt, c.AnsweredAt, c.EndedAt, c.DurationSeconds = in.StartedAt, in.AnsweredAt, in.EndedAt, in.DurationSeconds
	c.ClaimedBy, c.ClaimedAt, c.DoneAt, c.Version = in.ClaimedBy, in.ClaimedAt, in.DoneAt, in.Version
	nameMerged(&c.Call, in, who, named)
	c.flags()
}

// nameMerged names the other party: by the local book when it knows
// them, else as in says, without in's contact id, which is another
// book's.
func nameMerged(c *Call, in Call, who Caller, named bool) {
	if named {
		c.name(who)
		return
	}
	c.Contact, c.Company, c.City, c.Note, c.VIP = in.Contact, in.Company, in.City, in.Note, in.VIP
	c.ContactID, c.Match = 0, ""
	c.Place = cmp.Or(in.Place, who.Place, c.Place)
}
