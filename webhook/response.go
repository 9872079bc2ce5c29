package webhook

import (
	"context"
	"unicode/utf8"
)

// RejectReason is the reason attribute of a <Reject/> answer.
type RejectReason string

// The reject reasons sipgate documents.
const (
	Rejected RejectReason = "rejected"
	BusyTone RejectReason = "busy"
)

// Response is what the app tells sipgate about a newCall. The zero value
// means "no instructions": the call proceeds with normal routing and no
// answer or hangup pushes follow.
type Response struct {
	// OnAnswer and OnHangup are the absolute URLs sipgate posts the answer
	// and hangup events of this leg to. Empty means "do not subscribe".
	OnAnswer string
	OnHangup string
	// Reject, when set, rejects the call with this reason; the
	// subscriptions are then ignored.
	Reject RejectReason
}

// Responder decides what sipgate gets back for an event. The app implements
// it; Respond must be fast (sipgate waits for the answer before routing the
// call) and an error becomes a 500, which makes sipgate route the call
// normally.
type Responder interface {
	Respond(ctx context.Context, ev Event) (Response, error)
}

// ResponderFunc adapts a function to a Responder.
type ResponderFunc func(ctx context.Context, ev Event) (Response, error)

// Respond calls f.
func (f ResponderFunc) Respond(ctx context.Context, ev Event) (Response, error) {
	return f(ctx, ev)
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// AppendXML appends the XML document for r to b. It builds the few bytes
// by hand: no reflection on the webhook path.
func (r Response) AppendXML(b []byte) []byte {
	b = append(b, xmlHeader...)
	if r.Reject != "" {
		b = append(b, `<Response><Reject reason="`...)
		b = appendEscaped(b, string(r.Reject))
		return append(b, `"/></Response>`...)
	}
	b = append(b, `<Response`...)
	b = appendAttr(b, "onAnswer", r.OnAnswer)
	b = appendAttr(b, "onHangup", r.OnHangup)
	return append(b, `/>`...)
}

func appendAttr(b []byte, name, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendEscaped(b, value)
	return append(b, '"')
}

// appendEscaped appends s escaped for a double-quoted XML attribute. Bytes
// XML 1.0 cannot carry at all (control characters, invalid UTF-8) become
// U+FFFD, so the document stays well-formed whatever the value.
func appendEscaped(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '"':
			b = append(b, "&quot;"...)
		case r == '\'':
			b = append(b, "&apos;"...)
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, "&#x"...)
			b = append(b, "0123456789ABCDEF"[r])
			b = append(b, ';')
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
