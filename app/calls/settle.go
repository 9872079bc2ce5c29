package calls

// settle derives the shown fields (status, answered_by, times, duration,
// cause, users) from the legs. Every change to a call ends with it, so
// the rules live in one place.
func (c *call) settle() {
	human := c.firstHuman()
	vm := c.voicemailAnswered()
	live := c.live()
	c.Status = c.outcome(human != nil, vm, live)
	c.AnsweredBy, c.AnsweredAt = "", nil
	switch {
	case human != nil:
		c.AnsweredBy, c.AnsweredAt = human.AnsweredBy, human.AnsweredAt
	case vm:
		c.AnsweredBy = AnsweredByVoicemail
	}
	c.EndedAt, c.Cause, c.DurationSeconds = nil, "", 0
	if !live {
		c.EndedAt, c.Cause = c.lastEnd(), c.lastCause
		if human != nil && c.EndedAt != nil {
			c.DurationSeconds = seconds(c.EndedAt.Sub(*c.AnsweredAt))
		}
	}
	c.Users = c.rungUsers()
}

// outcome is the status table of DESIGN.md. A human answer wins over
// voicemail (a call answered and later sent to voicemail was answered);
// voicemail is kept even when its hangup never comes (sipgate.io #43).
func (c *call) outcome(human, vm, live bool) Status {
	switch {
	case c.rejected:
		return StatusRejected
	case human && live:
		return c.liveOr(StatusActive)
	case human:
		return StatusAnswered
	case vm:
		return StatusVoicemail
	case live:
		return c.liveOr(StatusRinging)
	case c.Direction == Out:
		return StatusNotReached
	}
	return StatusMissed
}

func (c *call) liveOr(s Status) Status {
	if c.stale {
		return StatusUnknown
	}
	return s
}
