package notify

import "github.com/whoiscalling/whoiscalling/app/calls"

// Decide reports whether call c, in the state it just reached, should pop
// up (or close its popup) now, and with what message. shown is what was
// already shown (nil: nothing). The call carries what the contact book
// knew of the caller (name, company, city, note), so no lookup happens
// here. Decide only reads shown; the caller marks the message's (CallID,
// Kind) as shown when it sends it.
func Decide(c calls.Call, shown *Seen, opts Options) (Message, bool) {
	kind, ok := decideKind(c, shown, opts)
	if !ok {
		return Message{}, false
	}
	return compose(c, kind, opts.region()), true
}

// decideKind is Decide without the message: the kind of popup c's state
// shows, if any (KindEnded alone closes a ringing popup).
func decideKind(c calls.Call, shown *Seen, opts Options) (Kind, bool) {
	kind := kindOf(c, shown)
	if kind == KindNone || shown.Has(c.ID, kind) || shown.Has(c.ID, KindBurst) {
		// A call a burst's summary took in shows nothing of its own.
		return KindNone, false
	}
	if !opts.allows(c, kind) {
		// A filtered end still closes the ringing popup.
		if live(c.ID, shown) && !c.Status.Live() && !shown.Has(c.ID, KindEnded) {
			return KindEnded, true
		}
		return KindNone, false
	}
	return kind, true
}

// live reports whether a ringing popup was shown for the call.
func live(id int64, shown *Seen) bool {
	return shown.Has(id, KindIncoming) || shown.Has(id, KindOutgoing)
}

// kindOf is the moment a call's state announces, if any. Only the first
// state of each kind pops up (see Seen), so ringing → active → answered
// shows the ringing popup and replaces it once, and a call first seen
// already answered shows none.
func kindOf(c calls.Call, shown *Seen) Kind {
	switch c.Status {
	case calls.StatusRinging:
		if c.Direction == calls.Out {
			return KindOutgoing
		}
		return KindIncoming
	case calls.StatusMissed:
		return KindMissed
	case calls.StatusVoicemail:
		// Shown when voicemail answers, not at the hangup: that hangup
		// sometimes never comes (sipgate.io #43).
		return KindVoicemail
	}
	switch {
	case !live(c.ID, shown) || shown.Has(c.ID, KindAnswered) || shown.Has(c.ID, KindEnded):
		return KindNone
	case c.Direction == calls.In && (c.Status == calls.StatusActive || c.Status == calls.StatusAnswered):
		return KindAnswered
	}
	return KindEnded
}

// allows applies the settings. Do not disturb lets VIP contacts through
// but not the other filters: a VIP call to a colleague stays silent.
// Answering and ending only touch a popup already shown.
func (o Options) allows(c calls.Call, kind Kind) bool {
	switch {
	case kind == KindAnswered || kind == KindEnded:
		return true
	case kind == KindOutgoing && !o.Outgoing:
		return false
	case (kind == KindMissed || kind == KindVoicemail) && !o.Missed:
		return false
	case !o.wantsUsers(c.Users):
		return false
	}
	return !o.DoNotDisturb || c.VIP
}

func (o Options) region() string {
	if o.Region == "" {
		return "DE"
	}
	return o.Region
}
