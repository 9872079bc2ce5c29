package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// statusLine sums a call up: "Missed · 5 min ago", "Answered by Anna
// Mayer · 3:07 · yesterday".
func statusLine(c calls.Call, lk look, now time.Time) string {
	what := lk.word
	switch {
	case c.Status == calls.StatusAnswered && c.Direction == calls.Out:
		what = "Outgoing call, answered"
	case c.Status == calls.StatusAnswered && c.AnsweredBy != "":
		what = "Answered by " + c.AnsweredBy
	case c.Status == calls.StatusActive && c.AnsweredBy != "":
		what = "On the phone with " + c.AnsweredBy
	case c.Status == calls.StatusRejected:
		what = "Rejected with a busy tone: the caller is blocked"
	}
	dur := ""
	if c.Status == calls.StatusAnswered {
		dur = i18n.Duration(c.DurationSeconds)
	}
	return joinNonEmpty(" · ", what, dur, i18n.Ago(now, c.StartedAt))
}

// facts are the call's label/value pairs; empty values are left out.
func facts(c calls.Call, region string) [][2]string {
	own, ownLabel, rang := c.To, "Number called", "Rang"
	if c.Direction == calls.Out {
		own, ownLabel, rang = c.From, "Called from", "Called by"
	}
	answered := ""
	if c.AnsweredAt != nil {
		answered = stamp(*c.AnsweredAt)
	}
	ended := ""
	if c.EndedAt != nil {
		ended = stamp(*c.EndedAt)
	}
	dur := ""
	if c.DurationSeconds > 0 {
		dur = i18n.Duration(c.DurationSeconds)
	}
	return [][2]string{
		{"Direction", i18n.Direction(c.Direction)},
		{ownLabel, phone.Display(own, region)},
		{rang, i18n.Clean(strings.Join(c.Users, ", "))},
		{"Answered by", personOrNumber(c.AnsweredBy, region)},
		{"Started", stamp(c.StartedAt)},
		{"Answered", answered},
		{"Ended", ended},
		{"Duration", dur},
		{"Ended because", i18n.Cause(c.Cause)},
	}
}

// stamp is a time as the person reads it, in their time zone.
func stamp(t time.Time) string {
	return t.Local().Format("Mon 2 Jan 2006, 15:04:05")
}

// timeOfDay is a time of day, for the legs of a call (they share its date).
func timeOfDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Local().Format("15:04:05")
}

// legRows describes every leg of the call: whom it rang, where it was
// diverted from, who answered, and how it ended.
func legRows(c calls.Call, region string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i, l := range c.Legs {
		what := "rang " + joinNonEmpty(", ", l.Users...)
		if c.Direction == calls.Out {
			what = "placed by " + joinNonEmpty(", ", l.Users...)
		}
		if l.Voicemail {
			what = "voicemail"
		}
		title := boldLabel(fmt.Sprintf("Leg %d · %s", i+1, what))
		title.Wrapping = fyne.TextWrapWord
		detail := widget.NewLabel(legDetail(l, region))
		detail.Wrapping = fyne.TextWrapWord
		out = append(out, container.NewVBox(title, detail))
	}
	return out
}

func legDetail(l calls.Leg, region string) string {
	var parts []string
	if l.Diversion != "" {
		parts = append(parts, "diverted from "+phone.Display(l.Diversion, region))
	}
	parts = append(parts, "started "+timeOfDay(&l.StartedAt))
	if l.AnsweredAt != nil {
		parts = append(parts, "answered "+timeOfDay(l.AnsweredAt)+prefixed(" by ", personOrNumber(l.AnsweredBy, region)))
	}
	if l.EndedAt != nil {
		parts = append(parts, "ended "+timeOfDay(l.EndedAt)+prefixed(": ", i18n.Cause(l.Cause)))
	}
	return strings.Join(parts, " · ")
}

// prefixed is prefix+s, or "" when s is empty.
func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// personOrNumber formats who answered: a sipgate user's name as it is, an
// external number (E.164) for the region.
func personOrNumber(s, region string) string {
	if strings.HasPrefix(s, "+") {
		return phone.Display(s, region)
	}
	return s
}
