package i18n

import (
	"fmt"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// Duration is a call's duration as "0:42", "3:07" or "1:02:03": the one
// form the window, the tray, popups and the commands use.
func Duration(sec int) string {
	if sec < 0 {
		sec = 0
	}
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// Ago says how long before now t was, in the words a person uses:
// "just now", "2 min ago", "3 h ago", "yesterday", "4 days ago".
func Ago(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return T("just now")
	case d < time.Hour:
		return T("{{.N}} min ago", map[string]any{"N": int(d / time.Minute)})
	case d < 24*time.Hour:
		return T("{{.N}} h ago", map[string]any{"N": int(d / time.Hour)})
	case d < 48*time.Hour:
		return T("yesterday")
	}
	return T("{{.N}} days ago", map[string]any{"N": int(d / (24 * time.Hour))})
}

var lineWords = map[phone.LineType]string{
	phone.LineFixed:         "fixed line",
	phone.LineMobile:        "mobile",
	phone.LineFixedOrMobile: "fixed line or mobile",
	phone.LineTollFree:      "toll-free",
	phone.LinePremiumRate:   "premium rate",
	phone.LineSharedCost:    "shared cost",
	phone.LineVoIP:          "VoIP",
	phone.LinePersonal:      "personal number",
	phone.LinePager:         "pager",
	phone.LineCompany:       "company number",
	phone.LineVoicemail:     "voicemail",
}

// LineType is the kind of line in words ("mobile", "fixed line"), or ""
// when unknown.
func LineType(t phone.LineType) string {
	if w, ok := lineWords[t]; ok {
		return T(w)
	}
	return ""
}

// Direction is "incoming" or "outgoing".
func Direction(d calls.Direction) string {
	if d == calls.Out {
		return T("outgoing")
	}
	return T("incoming")
}

var statusWords = map[calls.Status]string{
	calls.StatusRinging:    "Ringing",
	calls.StatusActive:     "On the phone",
	calls.StatusAnswered:   "Answered",
	calls.StatusVoicemail:  "Voicemail",
	calls.StatusMissed:     "Missed",
	calls.StatusRejected:   "Blocked",
	calls.StatusNotReached: "Not reached",
	calls.StatusUnknown:    "Outcome unknown",
}

// Status is a call's outcome in a word; an answered outgoing call is
// "Outgoing".
func Status(c calls.Call) string {
	if c.Status == calls.StatusAnswered && c.Direction == calls.Out {
		return T("Outgoing")
	}
	if w, ok := statusWords[c.Status]; ok {
		return T(w)
	}
	return string(c.Status)
}

var causeWords = map[string]string{
	"normalClearing": "hung up normally",
	"busy":           "busy",
	"cancel":         "the caller gave up",
	"noAnswer":       "nobody answered",
	"congestion":     "the network was congested",
	"notFound":       "the number does not exist",
	"forwarded":      "forwarded",
}

// Cause is a hangup cause in words, with the cause itself for reference;
// unknown causes are shown as they are.
func Cause(cause string) string {
	if w, ok := causeWords[cause]; ok && T(w) != cause {
		return T(w) + " (" + cause + ")"
	}
	return cause
}
