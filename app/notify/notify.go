// Package notify turns call changes into desktop notifications: one live
// popup per call, replaced in place as the call changes (ringing →
// answered, which then closes, or → missed, which stays), with actions
// (Call back, Add contact, Open) where the notification server offers
// them, and one summary popup for a burst of calls.
//
// Deciding is kept apart from sending. Decide is a pure function of the
// call, what was already shown and the settings, so it is table-tested
// without a desktop; a Notifier runs it on the tracker's changes, folds
// bursts, and hands the messages to one sender goroutine through a small
// queue, so a slow or absent notification service never holds up the
// webhook path. This is the only package that imports beeep and the
// notification D-Bus API.
package notify

import "time"

// Message is one desktop notification, or the closing of one.
type Message struct {
	// Title is the summary line. The notification spec makes it plain
	// text, so it is never escaped.
	Title string
	// Body is in the spec's body markup: every text in it is escaped.
	Body string
	// Urgent asks for critical urgency (VIP contacts).
	Urgent bool
	// CallID is the call this message is about; a burst's summary has a
	// negative ID of its own. A call's messages replace each other.
	CallID int64
	// Kind says which moment of the call it announces; KindEnded closes
	// the call's popup.
	Kind Kind
	// Number is the other party (E.164) for the actions; "" when
	// withheld.
	Number string
	// Sticky keeps the popup until the person dismisses it (ringing,
	// missed, voicemail, VIP, a burst).
	Sticky bool
	// Expire closes the popup after this long (an answered call); 0
	// leaves it to the server.
	Expire time.Duration
	// Actions are the buttons to offer, in order (ActionOpen, …). The
	// popup's body always opens the call.
	Actions []string

	// A burst's summary: how many calls, and the first names. Its words
	// are made from these when it is sent (complete).
	count int
	names []string
}

// The actions a popup offers; ActionDefault is a click on its body.
const (
	ActionDefault    = "default"
	ActionOpen       = "open"
	ActionCallBack   = "call-back"
	ActionAddContact = "add-contact"
)

// Action is what the person clicked on a popup.
type Action struct {
	// Key is one of the Action… constants.
	Key string
	// CallID is the call the popup was about; 0 for a burst's summary.
	CallID int64
	// Number is the other party (E.164), "" when withheld.
	Number string
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
	KindAnswered              // someone took the ringing call: the popup says who, then closes
	KindEnded                 // the call's live popup closes (blocked, unknown end, outgoing answered)
	KindBurst                 // the summary of a burst of calls
)

var kindNames = [...]string{"none", "incoming", "outgoing", "missed", "voicemail", "answered", "ended", "burst"}

// String names the kind for logs.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "none"
}

// Sender shows a message on the desktop.
type Sender interface {
	Send(Message) error
}

// ActionSource is a Sender that hears clicks on its popups' actions.
type ActionSource interface {
	// OnAction registers fn for every click; fn runs on the sender's
	// signal goroutine.
	OnAction(fn func(Action))
}
