// Package webhook receives sipgate.io push API webhooks: it parses the
// form-encoded events, verifies sipgate's signature over the raw body and
// answers with the small XML documents sipgate understands. It imports
// nothing of this module, only the standard library.
package webhook

// EventType is the value of the "event" field of a push.
type EventType string

// The event types sipgate sends.
const (
	NewCall EventType = "newCall"
	Answer  EventType = "answer"
	Hangup  EventType = "hangup"
	DTMF    EventType = "dtmf"
)

// Direction is the value of the "direction" field. It is an open string:
// values other than the constants are kept as sent.
type Direction string

// The directions sipgate documents.
const (
	In  Direction = "in"
	Out Direction = "out"
)

// Cause is the value of the "cause" field of a hangup. It is an open string:
// an undocumented cause (such as the historic "chanunavail") is kept, never
// rejected.
type Cause string

// The hangup causes sipgate documents.
const (
	NormalClearing Cause = "normalClearing"
	Busy           Cause = "busy"
	Cancel         Cause = "cancel"
	NoAnswer       Cause = "noAnswer"
	Congestion     Cause = "congestion"
	NotFound       Cause = "notFound"
	Forwarded      Cause = "forwarded"
)

// Anonymous is the number value sipgate sends for a suppressed number.
const Anonymous = "anonymous"

// VoicemailUser is the user[] value of a leg taken by a voicemail box.
const VoicemailUser = "voicemail"

// Event is one push from sipgate. Every field is optional on the wire; an
// absent field is the zero value. Numbers (From, To, Diversion,
// AnsweringNumber) carry a leading "+" when the wire value was all digits;
// other values ("anonymous", SIP IDs, "") are kept as sent.
type Event struct {
	Type      EventType
	Direction Direction
	From      string
	To        string
	CallID    string
	// OrigCallID is the first leg's callId on forward, transfer and
	// voicemail legs; on the first leg it equals CallID.
	OrigCallID string
	XCID       string
	// Users, UserIDs and FullUserIDs come from user[], userId[] and
	// fullUserId[]. They are parallel by index when all are present, but
	// their lengths may differ.
	Users       []string
	UserIDs     []string
	FullUserIDs []string
	// User, UserID and FullUserID are the singular fields of an answer
	// event: who answered. User is empty when voicemail answered.
	User            string
	UserID          string
	FullUserID      string
	AnsweringNumber string
	Diversion       string
	Cause           Cause
	// Digits holds the dtmf value; an absent and an empty dtmf are alike.
	Digits string
}

// LegID is the key that groups the legs of one logical call: OrigCallID,
// falling back to CallID.
func (e Event) LegID() string {
	if e.OrigCallID != "" {
		return e.OrigCallID
	}
	return e.CallID
}

// IsAnonymous reports whether the caller suppressed their number.
func (e Event) IsAnonymous() bool { return e.From == Anonymous }

// IsVoicemail reports whether this leg is a voicemail box: a user[] value
// of "voicemail".
func (e Event) IsVoicemail() bool {
	for _, u := range e.Users {
		if u == VoicemailUser {
			return true
		}
	}
	return false
}
