package calls

import (
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// apply changes the in-memory state for one event. It reports the call it
// touched (nil: nothing to store) and whether anything changed; an
// unchanged call is a duplicate push. The caller holds t.mu.
func (t *Tracker) apply(ev webhook.Event, now time.Time) (c *call, changed bool) {
	switch ev.Type {
	case webhook.NewCall:
		return t.applyNewCall(ev, now)
	case webhook.Answer:
		c, l, isNew := t.legFor(ev, now)
		return c, answer(c, l, ev, now) || isNew
	case webhook.Hangup:
		c, l, isNew := t.legFor(ev, now)
		return c, hangup(c, l, ev, now) || isNew
	}
	return nil, false
}

func (t *Tracker) applyNewCall(ev webhook.Event, now time.Time) (*call, bool) {
	c := t.idx.find(ev)
	if c == nil {
		c = t.create(ev, now, true)
		return c, true
	}
	if c.leg(ev.CallID) != nil {
		return c, false
	}
	l := c.addLeg(ev, now)
	t.idx.addLeg(c, ev.CallID)
	if c.rejected {
		l.EndedAt = &now
	}
	return c, true
}

// legFor finds the leg of an answer or hangup. A leg never seen (its
// newCall got lost, or came before a restart) is kept: it joins its call
// through origCallId or starts a call of its own.
func (t *Tracker) legFor(ev webhook.Event, now time.Time) (*call, *Leg, bool) {
	c := t.idx.find(ev)
	if c == nil {
		t.log.Info("event for a call never seen", "event", ev.Type, "call_id", ev.CallID)
		c = t.create(ev, now, false)
		return c, &c.Legs[0], true
	}
	if l := c.leg(ev.CallID); l != nil {
		return c, l, false
	}
	t.idx.addLeg(c, ev.CallID)
	return c, c.addLeg(ev, now), true
}

// answer records who answered a leg; a second answer is a duplicate.
func answer(c *call, l *Leg, ev webhook.Event, now time.Time) bool {
	if l.AnsweredAt != nil {
		return false
	}
	at := now
	if l.EndedAt != nil && l.EndedAt.Before(at) {
		at = *l.EndedAt // its hangup overtook the answer
	}
	l.AnsweredAt = &at
	if l.Voicemail || ev.User == webhook.VoicemailUser {
		l.Voicemail, l.AnsweredBy = true, AnsweredByVoicemail
		return true
	}
	l.AnsweredBy = answerer(c, ev)
	return true
}

// answerer names who picked up: the user, else the number sipgate
// dialled on to, else (outgoing) the number called.
func answerer(c *call, ev webhook.Event) string {
	switch {
	case ev.User != "":
		return ev.User
	case ev.AnsweringNumber != "":
		return ev.AnsweringNumber
	case c.Direction == Out:
		return c.To
	}
	return ""
}

// hangup ends a leg; a second hangup is a duplicate.
func hangup(c *call, l *Leg, ev webhook.Event, now time.Time) bool {
	if l.EndedAt != nil {
		return false
	}
	l.EndedAt, l.Cause = &now, string(ev.Cause)
	c.lastCause = l.Cause
	return true
}
