package sipgate

import (
	"math"
	"slices"
	"time"
)

// CallFacts are what the app keeps of a sipgate history entry.
type CallFacts struct {
	// EntryID is the history entry's id; CallID the call's callId (empty
	// for VOICEMAIL entries), which the push API's callId matches.
	EntryID, CallID string
	Incoming        bool
	// From and To are E.164 with "+", "anonymous", or the raw value.
	From, To string
	// FromAlias and ToAlias are sipgate's names for the parties.
	FromAlias, ToAlias string
	Outcome            Outcome
	StartedAt          time.Time
	// Duration is the talk time of an answered call, else 0.
	Duration time.Duration
	// AnsweredBy is the extension that picked up ("w0"), or
	// AnsweredByVoicemail, or empty.
	AnsweredBy string
	// Rung are the extensions the call reached, in sipgate's order.
	Rung []string
	Note string
}

// Call maps a CALL or VOICEMAIL entry; ok is false for SMS, FAX and
// types this client does not know.
func (e HistoryEntry) Call() (f CallFacts, ok bool) {
	if e.Type != TypeCall && e.Type != TypeVoicemail {
		return CallFacts{}, false
	}
	f = CallFacts{EntryID: e.ID, CallID: e.CallID, Incoming: e.incoming(),
		From: NormalizeNumber(e.Source), To: NormalizeNumber(e.Target),
		FromAlias: e.SourceAlias, ToAlias: e.TargetAlias,
		Outcome: e.outcome(), StartedAt: e.Created.Time, Rung: e.rung(), Note: e.Note}
	if f.Incoming && f.From == "" {
		f.From = Anonymous
	}
	switch f.Outcome {
	case OutcomeAnswered:
		f.Duration, f.AnsweredBy = seconds(e.Duration), e.pickupExtension()
	case OutcomeVoicemail:
		f.AnsweredBy = AnsweredByVoicemail
	}
	return f, true
}

// incoming: voicemail always is; else the direction says, or the flag.
func (e HistoryEntry) incoming() bool {
	switch e.Direction {
	case DirIncoming, DirMissedIncoming:
		return true
	case DirOutgoing, DirMissedOutgoing:
		return false
	}
	return e.Incoming || e.Type == TypeVoicemail
}

// rung lists the endpoints' extensions once each.
func (e HistoryEntry) rung() []string {
	var out []string
	for _, r := range e.Endpoints {
		if x := r.Endpoint.Extension; x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// seconds turns sipgate's duration into a Duration; nonsense (negative,
// NaN, over a year) is 0.
func seconds(s float64) time.Duration {
	if math.IsNaN(s) || s < 0 || s > 366*24*3600 {
		return 0
	}
	return time.Duration(s * float64(time.Second)).Round(time.Millisecond)
}
