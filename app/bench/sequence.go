package bench

import (
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
)

// Plan says which calls to generate. Sequence k of a plan is always the
// same call, so a run can be repeated and checked.
type Plan struct {
	// Seed is the seed the book was generated from: known callers are
	// its contacts.
	Seed uint64
	// Contacts is how many contacts the book has; 0 makes every caller
	// unknown.
	Contacts int
	// Run tags the callIds: runs with different tags never reuse a
	// callId, also against the same data dir.
	Run string
	// MissedEvery makes every n-th call a missed one (newCall, then a
	// cancel hangup); 0: every call is answered.
	MissedEvery int
}

// Sequence is one call as sipgate pushes it: newCall, answer, hangup
// (or newCall and a cancel hangup for a missed call), all with one
// callId.
type Sequence struct {
	CallID, XCID string
	// From is the caller's number as sipgate sends it (digits, no +);
	// To is the company's number that was called.
	From, To string
	// Known says From belongs to contact Contact of the book.
	Known   bool
	Contact int
	// Users are the sipgate users it rings; Answerer is who picks up.
	Users    []User
	Answerer User
	Missed   bool
}

// User is a sipgate user of the company being called.
type User struct{ Name, ID string }

// The company's sipgate side: its numbers, users and ring groups.
var (
	companyNumbers = []string{"4921155500123", "4921155500100", "4921155500124", "4930609880400"}
	sipgateUsers   = []User{{"Jürgen Müller", "w0"}, {"Anna Mayer", "w1"}, {"Deniz Kaya", "w2"},
		{"Marty McFly", "w3"}, {"Empfang", "w4"}, {"Lea Schäfer", "w5"}}
)

// Sequence is call k of the plan. Half the callers, at random, are
// contacts of the book; the others call from numbers nobody has.
// Known callers are distinct contacts for the first Contacts calls.
func (p Plan) Sequence(k int) Sequence {
	r := rng(p.Seed, kindCaller, uint64(k))
	s := Sequence{To: companyNumbers[r.IntN(len(companyNumbers))]}
	if p.Contacts > 0 && r.IntN(2) == 0 {
		s.Known, s.Contact = true, p.contactFor(k)
		s.From = ContactAt(p.Seed, s.Contact).callerDigits(r)
	} else {
		s.From = UnknownNumber(p.Seed, k)
	}
	first := r.IntN(len(sipgateUsers))
	for i := range 1 + r.IntN(3) {
		s.Users = append(s.Users, sipgateUsers[(first+i)%len(sipgateUsers)])
	}
	s.Answerer = s.Users[r.IntN(len(s.Users))]
	s.Missed = p.MissedEvery > 0 && k%p.MissedEvery == p.MissedEvery-1
	s.CallID, s.XCID = p.callID(k, r.Uint64()), hex(r.Uint64(), 16)
	return s
}

// contactFor walks the book with a stride coprime to its size, so k and
// k' < Contacts never pick the same contact.
func (p Plan) contactFor(k int) int {
	n := uint64(p.Contacts)
	stride := uint64(7919)
	for gcd(stride, n) != 1 {
		stride++
	}
	return int((uint64(k)*stride + p.Seed) % n)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// callID looks like sipgate's (76 upper-case hex digits) and is unique
// per run tag and k.
func (p Plan) callID(k int, noise uint64) string {
	h := fnv.New64a()
	h.Write([]byte(p.Run))
	var b strings.Builder
	b.Grow(76)
	b.WriteString("54566B15")
	b.WriteString(hex(h.Sum64(), 16))
	b.WriteString(hex(uint64(k), 16))
	for b.Len() < 76 {
		b.WriteString(hex(noise, 16))
		noise = noise*0x9E3779B97F4A7C15 + 1
	}
	return b.String()[:76]
}

func hex(v uint64, width int) string {
	s := strings.ToUpper(strconv.FormatUint(v, 16))
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// Bodies are the form bodies sipgate posts for the call, in order, with
// the field order sipgate uses.
func (s Sequence) Bodies() [][]byte {
	common := "&from=" + s.From + "&to=" + s.To + "&direction=in"
	ids := "&callId=" + s.CallID + "&origCallId=" + s.CallID + "&xcid=" + s.XCID
	var nc strings.Builder
	nc.WriteString("event=newCall" + common + ids)
	for _, u := range s.Users {
		nc.WriteString("&user%5B%5D=" + esc(u.Name))
	}
	for _, u := range s.Users {
		nc.WriteString("&userId%5B%5D=" + u.ID)
	}
	for _, u := range s.Users {
		nc.WriteString("&fullUserId%5B%5D=1234567" + u.ID)
	}
	if s.Missed {
		return [][]byte{[]byte(nc.String()), []byte("event=hangup&cause=cancel" + ids + common)}
	}
	a := s.Answerer
	answer := "event=answer" + ids + "&user=" + esc(a.Name) + "&userId=" + a.ID +
		"&fullUserId=1234567" + a.ID + common + "&answeringNumber=" + s.To
	hangup := "event=hangup&cause=normalClearing" + ids + common + "&answeringNumber=" + s.To
	return [][]byte{[]byte(nc.String()), []byte(answer), []byte(hangup)}
}

// esc is form encoding, as sipgate writes it ("Jürgen+M%C3%BCller").
var esc = url.QueryEscape
