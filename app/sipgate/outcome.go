package sipgate

// Outcome is how a call ended, in the app's words: its values are the
// call statuses of DESIGN.md ("answered", "missed" …), so
// calls.Status(string(o)) converts one.
type Outcome string

// The outcomes sipgate's history can tell. "ringing", "active" and
// "rejected" (by the app) never come from the history.
const (
	OutcomeAnswered   Outcome = "answered"
	OutcomeVoicemail  Outcome = "voicemail"
	OutcomeMissed     Outcome = "missed"
	OutcomeNotReached Outcome = "not_reached"
	OutcomeUnknown    Outcome = "unknown"
)

// AnsweredByVoicemail is CallFacts.AnsweredBy for a call a voicemail box
// took, as the app's calls use it.
const AnsweredByVoicemail = "voicemail"

// callStatusNoAnswer are the callStatus values of a call nobody took.
var callStatusNoAnswer = map[string]bool{
	"FAILURE": true, "REJECTED": true, "REJECTED_DND": true,
	"BUSY_ON_BUSY": true, "BUSY": true, "MISSED": true,
}

// outcome maps an entry's direction, status, callStatus and endpoints.
func (e HistoryEntry) outcome() Outcome {
	if e.Type == TypeVoicemail || e.CallStatus == "VOICEMAIL_NO_MESSAGE" {
		return OutcomeVoicemail
	}
	switch e.Direction {
	case DirMissedIncoming:
		return OutcomeMissed
	case DirMissedOutgoing:
		return OutcomeNotReached
	case DirIncoming:
		if e.pickedUp() {
			return OutcomeAnswered
		}
		return OutcomeMissed
	case DirOutgoing:
		if e.pickedUp() {
			return OutcomeAnswered
		}
		return OutcomeNotReached
	}
	return OutcomeUnknown
}

// pickedUp reports evidence that someone answered: status PICKUP, a
// PICKUP endpoint, callStatus SUCCESS, or a forward sipgate did not call
// failed. A callStatus of no answer overrules them all.
func (e HistoryEntry) pickedUp() bool {
	if callStatusNoAnswer[e.CallStatus] {
		return false
	}
	return e.Status == "PICKUP" || e.Status == "FORWARD" || e.CallStatus == "SUCCESS" || e.pickupExtension() != ""
}

// pickupExtension is the extension of the endpoint that answered.
func (e HistoryEntry) pickupExtension() string {
	for _, r := range e.Endpoints {
		if r.Type == "PICKUP" && r.Endpoint.Extension != "" {
			return r.Endpoint.Extension
		}
	}
	return ""
}
