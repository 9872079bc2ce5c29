package calls_test

import (
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// hook is the PublicURL of the scenarios; the "&" must come back escaped.
const hook = "https://wic.example.org/sipgate?t=s3cret&v=1"

// subscribed and busy are the answers sipgate gets to a newCall.
var (
	subscribed = webhook.Response{OnAnswer: hook, OnHangup: hook}
	busy       = webhook.Response{Reject: webhook.BusyTone}
)

// step is one push, after the clock moved on by after.
type step struct {
	after time.Duration
	body  string
	want  webhook.Response
}

// scenario is a sequence of pushes and the one call they must make.
// Every push that changes the call makes a new version; dups is how many
// of them are duplicates, which change nothing.
type scenario struct {
	name  string
	steps []step
	dups  int
	want  calls.Call
}

// wantCall is the call the scenario must make, with its version.
func (sc scenario) wantCall() calls.Call {
	c := sc.want
	c.Version = int64(len(sc.steps) - sc.dups)
	return c
}

const (
	sec = time.Second
	ms  = time.Millisecond
)

// Contact fields of the directory entries, to keep the wants short.
var erikaCall = calls.Call{Direction: "in", From: "+4921112345", To: "+4921155500123",
	Contact: "Erika Mustermann", Company: "Muster GmbH", City: "Düsseldorf", Note: "calls about invoice 4711",
	ContactID: 7, Match: "exact", VIP: true}

// with fills the outcome fields of a call template.
func with(c calls.Call, id int64, users []string, by string, st calls.Status, cause string,
	started float64, answered, ended *time.Time, dur int, legs ...calls.Leg) calls.Call {
	c.ID, c.Users, c.AnsweredBy, c.Status, c.Cause = id, users, by, st, cause
	c.Source = calls.FromWebhook
	c.StartedAt, c.AnsweredAt, c.EndedAt, c.DurationSeconds, c.Legs = *at(started), answered, ended, dur, legs
	return c
}

// leg builds a want Leg.
func leg(id string, users []string, by string, vm bool, cause string, started float64, answered, ended *time.Time, diversion string) calls.Leg {
	return calls.Leg{CallID: id, Users: users, AnsweredBy: by, Voicemail: vm, Cause: cause,
		StartedAt: *at(started), AnsweredAt: answered, EndedAt: ended, Diversion: diversion}
}

// joined is a leg that joined the call of legA through origCallId.
func joined(l calls.Leg) calls.Leg {
	l.OrigCallID = legA
	return l
}

var none = []string{}
