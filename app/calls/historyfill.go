package calls

import (
	"slices"
	"time"
)

// fill gives c what a sipgate history entry knows and c lacks: the final
// outcome of a call whose hangup never came (or has not come yet), the
// users rung, a name. A status the webhook settled is never overwritten.
func fill(c *call, in Call) bool {
	changed := false
	if (c.Status.Live() || c.Status == StatusUnknown) && !in.Status.Live() && in.Status != StatusUnknown {
		c.Status, c.Cause, c.AnsweredBy, c.DurationSeconds = in.Status, in.Cause, in.AnsweredBy, in.DurationSeconds
		c.AnsweredAt, c.EndedAt = orElse(c.AnsweredAt, in.AnsweredAt), orElse(c.EndedAt, in.EndedAt)
		c.flags()
		changed = true
	}
	if len(c.Users) == 0 && len(in.Users) > 0 {
		c.Users, changed = slices.Clone(in.Users), true
	}
	if c.Contact == "" && c.ContactID == 0 && in.Contact != "" {
		nameMerged(&c.Call, in, Caller{}, false)
		changed = true
	}
	return changed
}

// orElse is have, else alt.
func orElse(have, alt *time.Time) *time.Time {
	if have != nil {
		return have
	}
	return alt
}
