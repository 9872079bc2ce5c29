// Package notify turns call changes into desktop notifications: a popup
// when a call rings, and one after a missed call or a voicemail.
//
// Deciding is kept apart from sending. Decide is a pure function of the
// call, what was already shown and the settings, so it is table-tested
// without a desktop; a Notifier runs it on the tracker's changes and hands
// the messages to one sender goroutine through a small queue, so a slow
// or absent notification service never holds up the webhook path.
// This is the only package that imports beeep.
package notify

// Message is one desktop notification.
type Message struct {
	// Title is the summary line. The notification spec makes it plain
	// text, so it is never escaped.
	Title string
	// Body is in the spec's body markup: every text in it is escaped.
	Body string
	// Urgent asks for critical urgency (VIP contacts).
	Urgent bool
	// CallID is the call this message is about.
	CallID int64
	// Kind says which moment of the call it announces.
	Kind Kind
}

// Kind is the moment of a call a notification announces. A call shows
// each kind at most once.
type Kind uint8

// The kinds of notification.
const (
	KindNone      Kind = iota // no popup
	KindIncoming              // an incoming call rings
	KindOutgoing              // an outgoing call rings at the other end
	KindMissed                // an incoming call ended unanswered
	KindVoicemail             // voicemail took an incoming call
)

// String names the kind for logs.
func (k Kind) String() string {
	switch k {
	case KindIncoming:
		return "incoming"
	case KindOutgoing:
		return "outgoing"
	case KindMissed:
		return "missed"
	case KindVoicemail:
		return "voicemail"
	}
	return "none"
}

// Sender shows a message on the desktop.
type Sender interface {
	Send(Message) error
}
