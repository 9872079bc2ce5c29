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

// AnsweredByVoicemail is the AnsweredBy value of a call or leg that a
// voicemail box took.
const AnsweredByVoicemail = "voicemail"

// Leg is one callId of a call: the first leg, or a forward, transfer or
// voicemail leg that joined it through origCallId.
type Leg struct {
	CallID     string     `json:"call_id"`
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
	ID        int64  `json:"id"`
	Direction string `json:"direction"`
	From      string `json:"from"`
	To        string `json:"to"`
	// Contact, Company, ContactID, Match and VIP describe the other party
	// as the contacts book knew them when the call rang.
	Contact   string `json:"contact"`
	Company   string `json:"company"`
	ContactID int64  `json:"contact_id,omitempty"`
	Match     string `json:"match,omitempty"`
	VIP       bool   `json:"vip"`
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
}

// clone returns a copy that shares nothing mutable with c. Leg times are
// never written through their pointers, so copying the legs is enough.
func (c Call) clone() Call {
	c.Users, c.Legs = slices.Clone(c.Users), slices.Clone(c.Legs)
	return c
}

// Party is the number of the other side: the caller of an incoming call,
// the number dialled for an outgoing one.
func (c Call) Party() string {
	if c.Direction == "out" {
		return c.To
	}
	return c.From
}
