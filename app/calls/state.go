package calls

import (
	"time"

	"github.com/whoiscalling/whoiscalling/webhook"
)

// call is the in-memory state of one logical call: the Call that is shown
// and stored, plus what settle needs to derive it.
type call struct {
	Call
	key       string // origCallId of the first leg seen, or its callId
	rejected  bool   // the app answered <Reject/>
	stale     bool   // no event came within StaleAfter
	lastCause string // cause of the latest hangup of any leg
	updated   time.Time
	endSeq    uint64 // when it was last noted finished (finishedRing)
}

// flags sets what settle needs from a status that was stored or merged,
// not derived here.
func (c *call) flags() {
	c.rejected = c.Status == StatusRejected
	c.stale = c.Status == StatusUnknown
	c.lastCause = c.Cause
}

// leg returns the leg with this callId, or nil.
func (c *call) leg(callID string) *Leg {
	for i := range c.Legs {
		if c.Legs[i].CallID == callID {
			return &c.Legs[i]
		}
	}
	return nil
}

// addLeg appends a new leg for ev's callId and returns it.
func (c *call) addLeg(ev webhook.Event, now time.Time) *Leg {
	users := make([]string, 0, len(ev.Users))
	for _, u := range ev.Users {
		if u != "" {
			users = append(users, u)
		}
	}
	orig := ev.OrigCallID
	if orig == ev.CallID {
		orig = ""
	}
	c.Legs = append(c.Legs, Leg{
		CallID:     ev.CallID,
		OrigCallID: orig,
		Users:      users,
		Diversion:  ev.Diversion,
		Voicemail:  ev.IsVoicemail(),
		StartedAt:  now,
	})
	return &c.Legs[len(c.Legs)-1]
}

// index finds live calls by any of their leg ids and by their key.
type index struct {
	byLeg map[string]*call
	byID  map[int64]*call
}

func newIndex() index {
	return index{byLeg: make(map[string]*call), byID: make(map[int64]*call)}
}

// find returns the call ev belongs to: by its own callId (a leg seen
// before), else by origCallId (a new leg of a known call).
func (x index) find(ev webhook.Event) *call {
	if c := x.byLeg[ev.CallID]; c != nil {
		return c
	}
	if ev.OrigCallID != "" {
		return x.byLeg[ev.OrigCallID]
	}
	return nil
}

// add indexes c under its key, its id and its legs.
func (x index) add(c *call) {
	x.byID[c.ID] = c
	if c.key != "" {
		x.byLeg[c.key] = c
	}
	for _, l := range c.Legs {
		x.byLeg[l.CallID] = c
	}
}

// addLeg indexes a leg that joined c.
func (x index) addLeg(c *call, callID string) { x.byLeg[callID] = c }

// remove forgets c.
func (x index) remove(c *call) {
	delete(x.byID, c.ID)
	x.forget(c.key, c)
	for _, l := range c.Legs {
		x.forget(l.CallID, c)
	}
}

func (x index) forget(legID string, c *call) {
	if x.byLeg[legID] == c {
		delete(x.byLeg, legID)
	}
}
