package calls_test

import "fmt"

// line holds what every push of one call repeats; its methods build the
// bodies sipgate posts, fields in the order of the captured pushes.
type line struct{ dir, from, to, xcid string }

// newCall is a newCall push. Each user gets a userId[] and fullUserId[],
// except the voicemail pseudo user, which comes without (sipgate.io #134).
func (l line) newCall(callID, orig string, users []string, extra ...string) string {
	kv := []string{"event", "newCall", "direction", l.dir, "from", l.from, "to", l.to,
		"callId", callID, "origCallId", orig}
	for _, u := range users {
		kv = append(kv, "user[]", u)
	}
	for i, u := range users {
		if u != "voicemail" {
			kv = append(kv, "userId[]", fmt.Sprintf("w%d", i), "fullUserId[]", fmt.Sprintf("1234567w%d", i))
		}
	}
	return form(append(append(kv, "xcid", l.xcid), extra...)...)
}

// answer is an answer push; extra carries user, userId, diversion.
func (l line) answer(callID, orig, answering string, extra ...string) string {
	kv := []string{"event", "answer", "callId", callID}
	kv = append(kv, extra...)
	kv = append(kv, "from", l.from, "to", l.to, "direction", l.dir)
	if answering != "" {
		kv = append(kv, "answeringNumber", answering)
	}
	return form(append(kv, "origCallId", orig, "xcid", l.xcid)...)
}

// hangup is a hangup push; extra carries answeringNumber, diversion.
func (l line) hangup(callID, orig, cause string, extra ...string) string {
	kv := []string{"event", "hangup", "callId", callID, "cause", cause, "to", l.to, "from", l.from,
		"direction", l.dir, "origCallId", orig, "xcid", l.xcid}
	return form(append(kv, extra...)...)
}

func users(u ...string) []string { return u }

// Call ids in sipgate's current 76-character hex shape.
const (
	legA = "54566B150B0C0D3A5D53405450587E5853555B535758555B775F5C5B45514058474144555A56"
	legB = "54566B150B0C0D3A5D50435A5D5A7E5B525551575452535A7C50565745514058474144555A56"
	legX = "52546B150B0C0D3A5D0618050605780B08020F48525B51557C5B5D5059545953474D465B1A50"
)

// The lines of the scenarios.
var (
	erika    = line{"in", "4921112345", "4921155500123", "5aada1e696b94cec"}    // a known VIP calls Jürgen/Doc
	toMarty  = line{"in", "4921112345", "4921155500124", "5aada1e696b94cec"}    // her call, transferred or forwarded
	stranger = line{"in", "4917812345678", "4920398765", "5aada1e696b94cec"}    // unknown caller (issue 134's numbers)
	group    = line{"in", "4915112345678", "4921155500100", "8419b3450b75cd20"} // to a group number
	dialOut  = line{"out", "4921155500123", "4930123456", "1f2e3d4c5b6a7988"}   // Jürgen calls Hans Berlin
	anon     = line{"in", "anonymous", "4921155500123", "0a1b2c3d4e5f6071"}
	spammer  = line{"in", "4917099999", "4921155500123", "0a1b2c3d4e5f6072"}
)
