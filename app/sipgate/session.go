package sipgate

import (
	"context"
	"fmt"
	"strings"
)

// CallRequest starts a click-to-call (POST /sessions/calls): sipgate
// rings Caller first, then dials Callee.
type CallRequest struct {
	// DeviceID is the device that rings; required when Caller is a
	// number rather than a device id.
	DeviceID string `json:"deviceId,omitempty"`
	// Caller is a device id ("e0" VoIP phone, "x…" external, "y…"
	// mobile) or a number.
	Caller string `json:"caller"`
	// Callee is the number to dial.
	Callee string `json:"callee"`
	// CallerID is the number the callee sees (optional).
	CallerID string `json:"callerId,omitempty"`
}

// check says what is missing before anything is sent.
func (r CallRequest) check() error {
	switch {
	case strings.TrimSpace(r.Caller) == "":
		return fmt.Errorf("%w: click-to-call needs a caller: a device id such as e0 or your number", ErrInvalidArgument)
	case strings.TrimSpace(r.Callee) == "":
		return fmt.Errorf("%w: click-to-call needs the number to call", ErrInvalidArgument)
	case looksLikeNumber(r.Caller) && strings.TrimSpace(r.DeviceID) == "":
		return fmt.Errorf("%w: the caller is a number, so click-to-call needs the device id that rings (e.g. e0)", ErrInvalidArgument)
	}
	return nil
}

// looksLikeNumber: device ids start with a letter, numbers with a digit
// or "+".
func looksLikeNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (s[0] == '+' || (s[0] >= '0' && s[0] <= '9'))
}

// Call starts a click-to-call and returns sipgate's session id (scope
// sessions:calls:write). A 402 is a PaymentError (no credit); a 400
// (bad number, deviceId missing) an APIError matching ErrBadRequest. A
// success with no ringing means the device is offline.
func (c *Client) Call(ctx context.Context, r CallRequest) (sessionID string, err error) {
	if err := r.check(); err != nil {
		return "", err
	}
	var out struct {
		SessionID string `json:"sessionId"`
	}
	err = c.do(ctx, request{ep: epCall, body: r}, &out)
	return out.SessionID, err
}
