package webhook

import (
	"errors"
	"fmt"
	"net/url"
)

// Errors of ParseEvent and ParseBody. They are wrapped with the offending
// value; test them with errors.Is.
var (
	// ErrMalformed means the body is not valid application/x-www-form-urlencoded.
	ErrMalformed = errors.New("malformed form body")
	// ErrMissingEvent means the push has no (or an empty) event field.
	ErrMissingEvent = errors.New("missing event")
	// ErrUnknownEvent means the event field is none of newCall, answer,
	// hangup, dtmf. sipgate documents no others, so this is not a push.
	ErrUnknownEvent = errors.New("unknown event")
)

// maxQuoted caps how much of a bad event value goes into an error (and so
// into a log line).
const maxQuoted = 32

// ParseBody decodes a raw form body, the exact bytes sipgate signed, and
// parses the event in it.
func ParseBody(raw []byte) (Event, error) {
	var f form
	if err := f.parse(string(raw)); err != nil {
		return Event{}, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return f.event()
}

// ParseEvent reads a push from its decoded form values. It reads every
// field of every event type, so a field sipgate adds to another event
// later is not lost; absent fields stay zero. The Users, UserIDs and
// FullUserIDs slices share storage with vals.
func ParseEvent(vals url.Values) (Event, error) {
	t, err := eventType(vals.Get("event"))
	if err != nil {
		return Event{}, err
	}
	return Event{
		Type:            t,
		Direction:       Direction(vals.Get("direction")),
		From:            plusDigits(vals.Get("from")),
		To:              plusDigits(vals.Get("to")),
		CallID:          vals.Get("callId"),
		OrigCallID:      vals.Get("origCallId"),
		XCID:            vals.Get("xcid"),
		Users:           vals["user[]"],
		UserIDs:         vals["userId[]"],
		FullUserIDs:     vals["fullUserId[]"],
		User:            vals.Get("user"),
		UserID:          vals.Get("userId"),
		FullUserID:      vals.Get("fullUserId"),
		AnsweringNumber: plusDigits(vals.Get("answeringNumber")),
		Diversion:       plusDigits(vals.Get("diversion")),
		Cause:           Cause(vals.Get("cause")),
		Digits:          vals.Get("dtmf"),
	}, nil
}

func eventType(v string) (EventType, error) {
	switch t := EventType(v); t {
	case NewCall, Answer, Hangup, DTMF:
		return t, nil
	case "":
		return "", ErrMissingEvent
	}
	if len(v) > maxQuoted {
		v = v[:maxQuoted] + "…"
	}
	return "", fmt.Errorf("%w %q", ErrUnknownEvent, v)
}

// plusDigits normalises a number field: sipgate sends international digits
// without "+", so a non-empty all-digit value gets one. Anything else
// ("anonymous", SIP IDs like "1452406e0", "", anonymised "4917XXX") is
// kept as sent, because a "+" would make it look like a real number.
func plusDigits(v string) string {
	if v == "" {
		return v
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return v
		}
	}
	return "+" + v
}
