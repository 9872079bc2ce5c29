package webhook

import (
	"net/http"
	"strconv"
)

// Reason is why the handler answered a request with an error status. It is
// not the <Reject reason> of a call (that is RejectReason). The layer that
// talks to a person turns it into a sentence; String is for logs.
type Reason uint8

// The reasons a request is refused, in the order the handler checks.
const (
	// ReasonNone is the zero value: no request was refused.
	ReasonNone Reason = iota
	// ReasonBadMethod: not a POST (405).
	ReasonBadMethod
	// ReasonUnreadableBody: the body could not be read, e.g. the client
	// went away or was too slow (400).
	ReasonUnreadableBody
	// ReasonTooLarge: the body is over MaxBody (413).
	ReasonTooLarge
	// ReasonBadContentType: not application/x-www-form-urlencoded (415).
	ReasonBadContentType
	// ReasonNoSignature: no signature header was sent, e.g. a tunnel or
	// proxy dropped it (403).
	ReasonNoSignature
	// ReasonBadSignature: a signature was sent but does not match the body
	// (403).
	ReasonBadSignature
	// ReasonBadForm: the body is not a valid form encoding (400).
	ReasonBadForm
	// ReasonBadEvent: the event field is missing or unknown (400).
	ReasonBadEvent
	// ReasonResponderFailed: the push was valid but the Responder returned
	// an error (500), so sipgate routes the call normally.
	ReasonResponderFailed

	numReasons = iota
)

var reasonInfo = [numReasons]struct {
	name   string
	status int
}{
	ReasonNone:            {"none", http.StatusOK},
	ReasonBadMethod:       {"bad method", http.StatusMethodNotAllowed},
	ReasonUnreadableBody:  {"unreadable body", http.StatusBadRequest},
	ReasonTooLarge:        {"too large", http.StatusRequestEntityTooLarge},
	ReasonBadContentType:  {"bad content type", http.StatusUnsupportedMediaType},
	ReasonNoSignature:     {"no signature", http.StatusForbidden},
	ReasonBadSignature:    {"bad signature", http.StatusForbidden},
	ReasonBadForm:         {"bad form", http.StatusBadRequest},
	ReasonBadEvent:        {"bad event", http.StatusBadRequest},
	ReasonResponderFailed: {"responder failed", http.StatusInternalServerError},
}

// Reasons lists every refusal reason (not ReasonNone), for a caller that
// must have a message for each.
func Reasons() []Reason {
	rs := make([]Reason, 0, numReasons-1)
	for r := ReasonNone + 1; r < numReasons; r++ {
		rs = append(rs, r)
	}
	return rs
}

// String is a stable, lowercase name for logs, e.g. "bad signature".
func (r Reason) String() string {
	if r < numReasons {
		return reasonInfo[r].name
	}
	return "reason " + strconv.Itoa(int(r))
}

// Status is the HTTP status the handler answers with for r.
func (r Reason) Status() int {
	if r < numReasons {
		return reasonInfo[r].status
	}
	return http.StatusInternalServerError
}
