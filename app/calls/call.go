package calls

import (
	"slices"
	"time"
)

// Status is the outcome of a call, as shown in the list and in
// `calls --json`.
type Status string

// The statuses; DESIGN.md's status table says what each means.
const (
	StatusRinging    Status = "ringing"
	StatusActive     Status = "active"
	StatusAnswered   Status = "answered"
	StatusVoicemail  Status = "voicemail"
	StatusMissed     Status = "missed"
	StatusRejected   Status = "rejected"
	StatusNotReached Status = "not_reached"
	StatusUnknown    Status = "unknown"
)

// Live reports whether a call with this status may still change by
// itself: it is ringing or a person is on it.
func (s Status) Live() bool { return s == StatusRinging || s == StatusActive }

func (s Status) known() bool {
	switch s {
	case StatusRinging, StatusActive, StatusAnswered, StatusVoicemail, StatusMissed,
		StatusRejected, StatusNotReached, StatusUnknown:
		return true
	}
	return false
}

// AnsweredByVoicemail is the AnsweredBy value of a call or leg that a
// voicemail box took.
const AnsweredByVoicemail = "voicemail"

// Direction says who dialled: the other party (In) or one of the
// account's users (Out). Its values are the JSON contract's "in" and "out".
type Direction string

// The two directions.
const (
	In  Direction = "in"
	Out Direction = "out"
)

// Source says where the app learned of a call (the JSON contract's
// "source").
type Source string

// The sources of calls.
const (
	// FromWebhook: this app's own listener saw the call.
	FromWebhook Source = "webhook"
	// FromTeam: another desk of the team published it.
	FromTeam Source = "team"
	// FromSipgateHistory: sipgate's /history reported it.
	FromSipgateHistory Source = "sipgate-history"
)

// Leg is one callId of a call: the first leg, or a forward, transfer or
// voicemail leg that joined it through origCallId.
type Leg struct {
	CallID string `json:"call_id"`
	// OrigCallID is the callId of the call's first leg, when this leg
	// has another one (it joined through origCallId).
	OrigCallID string     `json:"orig_call_id,omitempty"`
	Users      []string   `json:"users"`
	Diversion  string     `json:"diversion,omitempty"`
	AnsweredBy string     `json:"answered_by,omitempty"`
	Voicemail  bool       `json:"voicemail"`
	Cause      string     `json:"cause,omitempty"`
	StartedAt  time.Time  `json:"started_at"`
	AnsweredAt *time.Time `json:"answered_at"`
	EndedAt    *time.Time `json:"ended_at"`
}

// Call is one logical call with all its legs. Numbers are as in
// webhook.Event: E.164 with "+", "anonymous", or the raw value. Times are
// UTC; a nil time is absent (null in JSON).
type Call struct {
	ID        int64     `json:"id"`
	Direction Direction `json:"direction"`
	From      string    `json:"from"`
	To        string    `json:"to"`
	// Contact, Company, City, Note, ContactID, Match and VIP describe the
	// other party as the contacts book knew them when the call rang.
	Contact   string `json:"contact"`
	Company   string `json:"company"`
	City      string `json:"city,omitempty"`
	Note      string `json:"note,omitempty"`
	ContactID int64  `json:"contact_id,omitempty"`
	Match     string `json:"match,omitempty"`
	VIP       bool   `json:"vip"`
	// Place is where the number of a caller the book did not know is
	// registered ("Düsseldorf", "Norway": app/phone's Describe), found
	// once when the call rang, so windows need no geocoding to show it.
	Place string `json:"place,omitempty"`
	// Users are the sipgate users that were rung (or, outgoing, who
	// called), over all legs, without the voicemail pseudo user.
	Users []string `json:"users"`
	// AnsweredBy is the first person who answered (a user name, or the
	// answering number when the call went on to an external number), or
	// "voicemail", or empty.
	AnsweredBy string `json:"answered_by"`
	Status     Status `json:"status"`
	// Cause is the cause of the hangup that ended the call.
	Cause      string     `json:"cause"`
	StartedAt  time.Time  `json:"started_at"`
	AnsweredAt *time.Time `json:"answered_at"`
	EndedAt    *time.Time `json:"ended_at"`
	// DurationSeconds runs from the first human answer to the final
	// hangup; it is 0 until the call ended and for voicemail.
	DurationSeconds int   `json:"duration_seconds"`
	Legs            []Leg `json:"legs"`
	// Version grows with each change of the call; a merged state with a
	// lower version than the one kept is older and ignored.
	Version int64 `json:"version"`
	// Source is where the app learned of the call.
	Source Source `json:"source,omitempty"`
	// ClaimedBy is who said they call back a missed call, and when;
	// DoneAt is when they said it is done (team mode).
	ClaimedBy string     `json:"claimed_by,omitempty"`
	ClaimedAt *time.Time `json:"claimed_at,omitempty"`
	DoneAt    *time.Time `json:"done_at,omitempty"`
}

// clone returns a copy that shares nothing mutable with c. Leg times are
// never written through their pointers, so copying the legs is enough.
func (c Call) clone() Call {
	c.Users, c.Legs = slices.Clone(c.Users), slices.Clone(c.Legs)
	return c
}

// Key identifies the call across machines and in sipgate's pushes: the
// callId that started it (its first leg's origCallId, else that leg's
// callId), never the local ID. A call without legs has no key.
func (c Call) Key() string {
	if len(c.Legs) == 0 {
		return ""
	}
	if l := c.Legs[0]; l.OrigCallID != "" {
		return l.OrigCallID
	}
	return c.Legs[0].CallID
}

// Party is the number of the other side: the caller of an incoming call,
// the number dialled for an outgoing one.
func (c Call) Party() string {
	if c.Direction == Out {
		return c.To
	}
	return c.From
}
