package ui

import (
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
	by := map[string]any{"Who": i18n.Clean(c.AnsweredBy)}
	switch {
	case c.Status == calls.StatusAnswered && c.Direction == calls.Out:
		what = i18n.T("Outgoing call, answered")
	case c.Status == calls.StatusAnswered && c.AnsweredBy != "":
		what = i18n.T("Answered by {{.Who}}", by)
	case c.Status == calls.StatusActive && c.AnsweredBy != "":
		what = i18n.T("On the phone with {{.Who}}", by)
	case c.Status == calls.StatusRejected:
		what = i18n.T("Rejected with a busy tone: the caller is blocked")
	}
	dur := ""
	if c.Status == calls.StatusAnswered {
		dur = i18n.Duration(c.DurationSeconds)
	}
	return joinNonEmpty(" · ", what, dur, i18n.Ago(now, c.StartedAt)+" ("+i18n.DayTime(c.StartedAt)+")")
}

// facts are the call's label/value pairs; empty values are left out.
func facts(c calls.Call, region string) [][2]string {
	own, ownLabel, rang := c.To, i18n.T("Number called"), i18n.T("Rang")
	if c.Direction == calls.Out {
		own, ownLabel, rang = c.From, i18n.T("Called from"), i18n.T("Called by")
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
		{i18n.T("Direction"), i18n.Direction(c.Direction)},
		{ownLabel, phone.Display(own, region)},
		{rang, i18n.Clean(strings.Join(c.Users, ", "))},
		{i18n.T("Answered by"), personOrNumber(c.AnsweredBy, region)},
		{i18n.T("Started"), stamp(c.StartedAt)},
		{i18n.T("Answered"), answered},
		{i18n.T("Ended"), ended},
		{i18n.T("Duration"), dur},
		{i18n.T("Ended because"), i18n.Cause(c.Cause)},
	}
}

// stamp is a time as the person reads it, in their time zone.
func stamp(t time.Time) string {
	return i18n.Stamp(t)
}

// timeOfDay is a time of day, for the legs of a call (they share its date).
func timeOfDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return i18n.Clock(*t)
}

// legRows describes every leg of the call: whom it rang, where it was
// diverted from, who answered, and how it ended.
func legRows(c calls.Call, region string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i, l := range c.Legs {
		users := map[string]any{"Users": i18n.Clean(joinNonEmpty(", ", l.Users...))}
		what := i18n.T("rang {{.Users}}", users)
		if c.Direction == calls.Out {
			what = i18n.T("placed by {{.Users}}", users)
		}
		if l.Voicemail {
			what = i18n.T("voicemail")
		}
		title := boldLabel(i18n.T("Leg {{.N}} · {{.What}}", map[string]any{"N": i + 1, "What": what}))
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
		parts = append(parts, i18n.T("diverted from {{.Number}}", map[string]any{"Number": phone.Display(l.Diversion, region)}))
	}
	parts = append(parts, i18n.T("started {{.Time}}", map[string]any{"Time": timeOfDay(&l.StartedAt)}))
	if l.AnsweredAt != nil {
		by := personOrNumber(l.AnsweredBy, region)
		if by == "" {
			parts = append(parts, i18n.T("answered {{.Time}}", map[string]any{"Time": timeOfDay(l.AnsweredAt)}))
		} else {
			parts = append(parts, i18n.T("answered {{.Time}} by {{.Who}}", map[string]any{"Time": timeOfDay(l.AnsweredAt), "Who": i18n.Clean(by)}))
		}
	}
	if l.EndedAt != nil {
		parts = append(parts, i18n.T("ended {{.Time}}", map[string]any{"Time": timeOfDay(l.EndedAt)})+prefixed(": ", i18n.Cause(l.Cause)))
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
	switch {
	case strings.HasPrefix(s, "+"):
		return phone.Display(s, region)
	case s == calls.AnsweredByVoicemail:
		return i18n.T("voicemail")
	}
	return s
}
