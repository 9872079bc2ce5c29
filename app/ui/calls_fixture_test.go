package ui

import (
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// line is one logical call's fixed fields; its methods build the pushes
// sipgate sends for it.
type line struct{ id, dir, from, to string }

func (l line) ev(t webhook.EventType, leg string) webhook.Event {
	return webhook.Event{Type: t, Direction: webhook.Direction(l.dir), From: l.from, To: l.to,
		CallID: leg, OrigCallID: l.id, XCID: "x" + l.id}
}

func (l line) ring(users ...string) webhook.Event {
	e := l.ev(webhook.NewCall, l.id)
	e.Users = users
	return e
}

// divert is a new leg of the call (a forward or the voicemail box).
func (l line) divert(leg, diversion string, users ...string) webhook.Event {
	e := l.ev(webhook.NewCall, leg)
	e.Users, e.Diversion = users, diversion
	return e
}

func (l line) answer(leg, user string) webhook.Event {
	e := l.ev(webhook.Answer, leg)
	e.User = user
	return e
}

func (l line) hangup(leg string, cause webhook.Cause) webhook.Event {
	e := l.ev(webhook.Hangup, leg)
	e.Cause = cause
	return e
}

// The office's own numbers and people.
const (
	office = "+4921155500123"
	anna   = "Anna Mayer"
	jurgen = "Jürgen Müller"
	marcus = "Marcus Satt"
)

// The calls of the fixture, oldest first.
var (
	erikaCalls  = line{"c1", "in", "+492111234567", office}   // a VIP, answered
	usMissed    = line{"c2", "in", "+14155550132", office}    // unknown, from San Francisco, missed
	spreeVM     = line{"c3", "in", "+4930123456789", office}  // a switchboard extension, to voicemail
	toOslo      = line{"c4", "out", office, "+4722123456"}    // outgoing to Norway
	spamBlocked = line{"c5", "in", "+4915223456789", office}  // a blocked contact
	anonMissed  = line{"c6", "in", webhook.Anonymous, office} // withheld number, missed
	mobileCall  = line{"c7", "in", "+4915791234567", office}  // unknown German mobile, answered
)

// seed fills b with contacts (German and international, a VIP, a
// company switchboard, a blocked one) and seven calls with every
// outcome, a few minutes apart; the clock ends a minute after the last.
func seed(t testing.TB, b *backend) {
	t.Helper()
	b.addContact(t, contacts.Contact{FirstName: "Erika", LastName: "Mustermann", Company: "Muster GmbH", City: "Düsseldorf",
		Country: "Germany", VIP: true, Note: "Prefers calls before noon.",
		Numbers: []contacts.Number{{Label: contacts.LabelWork, Raw: "0211 1234567"}, {Label: contacts.LabelMobile, Raw: "0171 2345678"}}})
	b.addContact(t, contacts.Contact{Company: "Spree AG", City: "Berlin", Country: "Germany",
		Numbers: []contacts.Number{{Label: contacts.LabelWork, Raw: "030 123456-0"}}})
	b.addContact(t, contacts.Contact{FirstName: "Ingrid", LastName: "Hansen", Company: "Nordlys AS", City: "Oslo", Country: "Norway",
		Numbers: []contacts.Number{{Label: contacts.LabelWork, Raw: "+47 22 12 34 56"}}})
	b.addContact(t, contacts.Contact{FirstName: "Gewinnspiel", LastName: "Hotline", Blocked: true,
		Numbers: []contacts.Number{{Label: contacts.LabelOther, Raw: "01522 3456789"}}})
	m := time.Minute
	steps := []struct {
		wait time.Duration
		ev   webhook.Event
	}{
		{0, erikaCalls.ring(anna, jurgen)}, {5 * time.Second, erikaCalls.answer("c1", anna)}, {187 * time.Second, erikaCalls.hangup("c1", webhook.NormalClearing)},
		{5 * m, usMissed.ring(anna, jurgen, marcus)}, {25 * time.Second, usMissed.hangup("c2", webhook.Cancel)},
		{6 * m, spreeVM.ring(jurgen)}, {20 * time.Second, spreeVM.hangup("c3", webhook.Forwarded)},
		{0, spreeVM.divert("c3b", office, "voicemail")}, {time.Second, spreeVM.answer("c3b", "")},
		{41 * time.Second, spreeVM.hangup("c3b", webhook.NormalClearing)},
		{7 * m, toOslo.ring(anna)}, {9 * time.Second, toOslo.answer("c4", "")}, {240 * time.Second, toOslo.hangup("c4", webhook.NormalClearing)},
		{8 * m, spamBlocked.ring(anna)}, {time.Second, spamBlocked.hangup("c5", webhook.Busy)},
		{5 * m, anonMissed.ring(anna, marcus)}, {15 * time.Second, anonMissed.hangup("c6", webhook.Cancel)},
		{3 * m, mobileCall.ring(marcus)}, {4 * time.Second, mobileCall.answer("c7", marcus)}, {45 * time.Second, mobileCall.hangup("c7", webhook.NormalClearing)},
		{m, webhook.Event{}},
	}
	for _, s := range steps {
		if s.ev.Type == "" {
			b.clock.Advance(s.wait)
			continue
		}
		b.push(t, s.wait, s.ev)
	}
}
