package calls_test

import (
	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

var (
	anna    = users("Anna Mayer")
	jurgen  = users("Jürgen Müller")
	doc     = users("Doc Brown")
	marty   = users("Marty McFly")
	members = users("Anna Mayer", "Marcus Satt", "Zoë O'Neil")
	vmbox   = users("voicemail")
	nobody  = calls.Call{Direction: "in", From: "+4917812345678", To: "+4920398765"}
	hans    = calls.Call{Direction: "out", From: "+4921155500123", To: "+4930123456",
		Contact: "Hans Berlin", Company: "Spree AG", ContactID: 9, Match: "switchboard"}
)

var scenarios = []scenario{{
	name: "answered with a duration",
	steps: []step{
		{0, erika.newCall(legA, legA, anna), subscribed},
		{5 * sec, erika.answer(legA, legA, "4921155500123", "user", "Anna Mayer", "userId", "w0"), webhook.Response{}},
		{83 * sec, erika.hangup(legA, legA, "normalClearing", "answeringNumber", "4921155500123"), webhook.Response{}},
	},
	want: with(erikaCall, 1, anna, "Anna Mayer", calls.StatusAnswered, "normalClearing", 0, at(5), at(88), 83,
		leg(legA, anna, "Anna Mayer", false, "normalClearing", 0, at(5), at(88), "")),
}, {
	name: "caller gives up",
	steps: []step{
		{0, erika.newCall(legA, legA, anna), subscribed},
		{12 * sec, erika.hangup(legA, legA, "cancel"), webhook.Response{}},
	},
	want: with(erikaCall, 1, anna, "", calls.StatusMissed, "cancel", 0, nil, at(12), 0,
		leg(legA, anna, "", false, "cancel", 0, nil, at(12), "")),
}, {
	name: "rings out and goes to voicemail (sipgate.io issue 134)",
	steps: []step{
		{0, stranger.newCall(legA, legA, jurgen), subscribed},
		{20 * sec, stranger.hangup(legA, legA, "forwarded"), webhook.Response{}},
		{100 * ms, stranger.newCall(legB, legA, vmbox, "diversion", "4920398765"), subscribed},
		{1 * sec, stranger.answer(legB, legA, "4920398765", "user", "", "diversion", "4920398765"), webhook.Response{}},
		{30 * sec, stranger.hangup(legB, legA, "normalClearing", "answeringNumber", "4920398765"), webhook.Response{}},
	},
	want: with(nobody, 1, jurgen, "voicemail", calls.StatusVoicemail, "normalClearing", 0, nil, at(51.1), 0,
		leg(legA, jurgen, "", false, "forwarded", 0, nil, at(20), ""),
		joined(leg(legB, vmbox, "voicemail", true, "normalClearing", 20.1, at(21.1), at(51.1), "+4920398765"))),
}, {
	name: "caller hangs up before the voicemail answers",
	steps: []step{
		{0, stranger.newCall(legA, legA, jurgen), subscribed},
		{20 * sec, stranger.hangup(legA, legA, "forwarded"), webhook.Response{}},
		{0, stranger.newCall(legB, legA, vmbox, "diversion", "4920398765"), subscribed},
		{2 * sec, stranger.hangup(legB, legA, "cancel"), webhook.Response{}},
	},
	want: with(nobody, 1, jurgen, "", calls.StatusMissed, "cancel", 0, nil, at(22), 0,
		leg(legA, jurgen, "", false, "forwarded", 0, nil, at(20), ""),
		joined(leg(legB, vmbox, "", true, "cancel", 20, nil, at(22), "+4920398765"))),
}, {
	name: "answered then transferred",
	steps: []step{
		{0, erika.newCall(legA, legA, doc), subscribed},
		{4 * sec, erika.answer(legA, legA, "4921155500123", "user", "Doc Brown"), webhook.Response{}},
		{60 * sec, toMarty.newCall(legB, legA, marty, "diversion", "4921155500123"), subscribed},
		{6 * sec, toMarty.answer(legB, legA, "4921155500124", "user", "Marty McFly"), webhook.Response{}},
		{1 * sec, erika.hangup(legA, legA, "normalClearing"), webhook.Response{}},
		{120 * sec, toMarty.hangup(legB, legA, "normalClearing", "answeringNumber", "4921155500124"), webhook.Response{}},
	},
	want: with(erikaCall, 1, users("Doc Brown", "Marty McFly"), "Doc Brown", calls.StatusAnswered, "normalClearing", 0, at(4), at(191), 187,
		leg(legA, doc, "Doc Brown", false, "normalClearing", 0, at(4), at(71), ""),
		joined(leg(legB, marty, "Marty McFly", false, "normalClearing", 64, at(70), at(191), "+4921155500123"))),
}, {
	name: "busy, forwarded to a colleague who answers",
	steps: []step{
		{0, erika.newCall(legA, legA, doc), subscribed},
		{1 * sec, erika.hangup(legA, legA, "forwarded"), webhook.Response{}},
		{0, toMarty.newCall(legB, legA, marty, "diversion", "4921155500123"), subscribed},
		{3 * sec, toMarty.answer(legB, legA, "4921155500124", "user", "Marty McFly"), webhook.Response{}},
		{50 * sec, toMarty.hangup(legB, legA, "normalClearing"), webhook.Response{}},
	},
	want: with(erikaCall, 1, users("Doc Brown", "Marty McFly"), "Marty McFly", calls.StatusAnswered, "normalClearing", 0, at(4), at(54), 50,
		leg(legA, doc, "", false, "forwarded", 0, nil, at(1), ""),
		joined(leg(legB, marty, "Marty McFly", false, "normalClearing", 1, at(4), at(54), "+4921155500123"))),
}, {
	name: "group call answered by one member",
	steps: []step{
		{0, group.newCall(legA, legA, members), subscribed},
		{9 * sec, group.answer(legA, legA, "4921155500100", "user", "Marcus Satt", "userId", "w3"), webhook.Response{}},
		{42 * sec, group.hangup(legA, legA, "normalClearing"), webhook.Response{}},
	},
	want: with(calls.Call{Direction: "in", From: "+4915112345678", To: "+4921155500100"}, 1, members, "Marcus Satt",
		calls.StatusAnswered, "normalClearing", 0, at(9), at(51), 42,
		leg(legA, members, "Marcus Satt", false, "normalClearing", 0, at(9), at(51), "")),
}, {
	name: "dialled on to an external number that answers",
	steps: []step{
		{0, erika.newCall(legA, legA, anna), subscribed},
		{8 * sec, erika.answer(legA, legA, "4915799912345"), webhook.Response{}},
		{20 * sec, erika.hangup(legA, legA, "normalClearing", "answeringNumber", "4915799912345"), webhook.Response{}},
	},
	want: with(erikaCall, 1, anna, "+4915799912345", calls.StatusAnswered, "normalClearing", 0, at(8), at(28), 20,
		leg(legA, anna, "+4915799912345", false, "normalClearing", 0, at(8), at(28), "")),
}, {
	name: "outgoing answered",
	steps: []step{
		{0, dialOut.newCall(legX, legX, jurgen), subscribed},
		{7 * sec, dialOut.answer(legX, legX, "4930123456"), webhook.Response{}},
		{95 * sec, dialOut.hangup(legX, legX, "normalClearing", "answeringNumber", "4930123456"), webhook.Response{}},
	},
	want: with(hans, 1, jurgen, "+4930123456", calls.StatusAnswered, "normalClearing", 0, at(7), at(102), 95,
		leg(legX, jurgen, "+4930123456", false, "normalClearing", 0, at(7), at(102), "")),
}, {
	name: "outgoing busy",
	steps: []step{
		{0, dialOut.newCall(legX, legX, jurgen), subscribed},
		{2 * sec, dialOut.hangup(legX, legX, "busy"), webhook.Response{}},
	},
	want: with(hans, 1, jurgen, "", calls.StatusNotReached, "busy", 0, nil, at(2), 0,
		leg(legX, jurgen, "", false, "busy", 0, nil, at(2), "")),
}, {
	name: "anonymous caller",
	steps: []step{
		{0, anon.newCall(legA, legA, jurgen), subscribed},
		{15 * sec, anon.hangup(legA, legA, "cancel"), webhook.Response{}},
	},
	want: with(calls.Call{Direction: "in", From: "anonymous", To: "+4921155500123"}, 1, jurgen, "", calls.StatusMissed, "cancel", 0, nil, at(15), 0,
		leg(legA, jurgen, "", false, "cancel", 0, nil, at(15), "")),
}, {
	name: "the same pushes twice",
	steps: []step{
		{0, erika.newCall(legA, legA, anna), subscribed},
		{1 * sec, erika.newCall(legA, legA, anna), subscribed},
		{4 * sec, erika.answer(legA, legA, "4921155500123", "user", "Anna Mayer"), webhook.Response{}},
		{1 * sec, erika.answer(legA, legA, "4921155500123", "user", "Anna Mayer"), webhook.Response{}},
		{82 * sec, erika.hangup(legA, legA, "normalClearing"), webhook.Response{}},
		{1 * sec, erika.hangup(legA, legA, "normalClearing"), webhook.Response{}},
	},
	dups: 3,
	want: with(erikaCall, 1, anna, "Anna Mayer", calls.StatusAnswered, "normalClearing", 0, at(5), at(88), 83,
		leg(legA, anna, "Anna Mayer", false, "normalClearing", 0, at(5), at(88), "")),
}, {
	name: "an undocumented cause",
	steps: []step{
		{0, stranger.newCall(legA, legA, jurgen), subscribed},
		{30 * sec, stranger.hangup(legA, legA, "chanunavail"), webhook.Response{}},
	},
	want: with(nobody, 1, jurgen, "", calls.StatusMissed, "chanunavail", 0, nil, at(30), 0,
		leg(legA, jurgen, "", false, "chanunavail", 0, nil, at(30), "")),
}, {
	name: "an orphan hangup (V18, no newCall ever seen)",
	steps: []step{
		{0, "event=hangup&callId=467098492173953073&cause=chanunavail", webhook.Response{}},
	},
	want: with(calls.Call{}, 1, none, "", calls.StatusMissed, "chanunavail", 0, nil, at(0), 0,
		leg("467098492173953073", none, "", false, "chanunavail", 0, nil, at(0), "")),
}, {
	name: "an orphan answer and its hangup",
	steps: []step{
		{0, erika.answer(legA, legA, "4921155500123", "user", "Anna Mayer"), webhook.Response{}},
		{30 * sec, erika.hangup(legA, legA, "normalClearing"), webhook.Response{}},
	},
	want: with(erikaCall, 1, none, "Anna Mayer", calls.StatusAnswered, "normalClearing", 0, at(0), at(30), 30,
		leg(legA, none, "Anna Mayer", false, "normalClearing", 0, at(0), at(30), "")),
}, {
	name: "a call still ringing",
	steps: []step{
		{0, erika.newCall(legA, legA, anna), subscribed},
	},
	want: with(erikaCall, 1, anna, "", calls.StatusRinging, "", 0, nil, nil, 0,
		leg(legA, anna, "", false, "", 0, nil, nil, "")),
}, {
	name: "a call still going on",
	steps: []step{
		{0, erika.newCall(legA, legA, anna), subscribed},
		{3 * sec, erika.answer(legA, legA, "4921155500123", "user", "Anna Mayer"), webhook.Response{}},
	},
	want: with(erikaCall, 1, anna, "Anna Mayer", calls.StatusActive, "", 0, at(3), nil, 0,
		leg(legA, anna, "Anna Mayer", false, "", 0, at(3), nil, "")),
}, {
	name: "a blocked caller, twice",
	steps: []step{
		{0, spammer.newCall(legA, legA, anna), busy},
		{1 * sec, spammer.newCall(legA, legA, anna), busy},
	},
	dups: 1,
	want: with(calls.Call{Direction: "in", From: "+4917099999", To: "+4921155500123", Contact: "Spam Calls", ContactID: 13, Match: "exact"},
		1, anna, "", calls.StatusRejected, "", 0, nil, at(0), 0,
		leg(legA, anna, "", false, "", 0, nil, at(0), "")),
}}
