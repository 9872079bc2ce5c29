package bench

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// area is one dialling area of the generated number plan: a country
// code, an area (or mobile) code, and how many digits the subscriber
// part has after its fixed lead digit. The subscriber digits encode the
// contact's index, so two contacts never share a number.
type area struct {
	cc, code string
	lead     byte
	width    int
	city     string
	country  string
	mobile   bool
}

// national is the area code as dialled inside its country (with the
// trunk 0 where the country has one).
func (a area) national() string {
	switch a.cc {
	case "49", "43", "44", "41", "33", "46", "31":
		// code is as in E.164: without the trunk 0 these countries dial
		// at home (Italy keeps its 0 in E.164: its code is "06").
		return "0" + a.code
	}
	return a.code
}

// subscriber is the subscriber part for index n.
func (a area) subscriber(n int) string {
	return string(a.lead) + pad(n, a.width)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s[len(s)-width:]
	}
	return strings.Repeat("0", width-len(s)) + s
}

// Areas of the contacts. German area codes are prefix-free, and none of
// these is a prefix of an unknownAreas entry, so a generated unknown
// caller can never match a contact, not even a switchboard prefix.
var (
	germanFixed = []area{
		{cc: "49", code: "30", lead: '2', width: 7, city: "Berlin"},
		{cc: "49", code: "40", lead: '3', width: 7, city: "Hamburg"},
		{cc: "49", code: "89", lead: '2', width: 7, city: "München"},
		{cc: "49", code: "221", lead: '2', width: 6, city: "Köln"},
		{cc: "49", code: "211", lead: '1', width: 6, city: "Düsseldorf"},
		{cc: "49", code: "69", lead: '2', width: 7, city: "Frankfurt am Main"},
		{cc: "49", code: "711", lead: '2', width: 6, city: "Stuttgart"},
		{cc: "49", code: "341", lead: '2', width: 6, city: "Leipzig"},
		{cc: "49", code: "511", lead: '3', width: 6, city: "Hannover"},
		{cc: "49", code: "911", lead: '2', width: 6, city: "Nürnberg"},
	}
	germanMobile = []area{
		{cc: "49", code: "151", lead: '2', width: 7, mobile: true},
		{cc: "49", code: "160", lead: '9', width: 6, mobile: true},
		{cc: "49", code: "170", lead: '2', width: 6, mobile: true},
		{cc: "49", code: "171", lead: '2', width: 6, mobile: true},
		{cc: "49", code: "172", lead: '3', width: 6, mobile: true},
		{cc: "49", code: "176", lead: '2', width: 7, mobile: true},
	}
	foreignFixed = []area{
		{cc: "43", code: "1", lead: '5', width: 6, city: "Wien", country: "Österreich"},
		{cc: "41", code: "44", lead: '2', width: 6, city: "Zürich", country: "Schweiz"},
		{cc: "33", code: "1", lead: '4', width: 7, city: "Paris", country: "France"},
		{cc: "44", code: "20", lead: '3', width: 7, city: "London", country: "United Kingdom"},
		{cc: "1", code: "415", lead: '2', width: 6, city: "San Francisco", country: "USA"},
		{cc: "39", code: "06", lead: '4', width: 7, city: "Roma", country: "Italia"},
		{cc: "46", code: "8", lead: '5', width: 6, city: "Stockholm", country: "Sverige"},
		{cc: "34", code: "91", lead: '2', width: 6, city: "Madrid", country: "España"},
	}
	// unknownAreas are where the callers nobody knows call from.
	unknownAreas = []area{
		{cc: "49", code: "351", lead: '4', width: 6, city: "Dresden"},
		{cc: "49", code: "431", lead: '5', width: 6, city: "Kiel"},
		{cc: "49", code: "761", lead: '2', width: 6, city: "Freiburg"},
		{cc: "49", code: "1590", lead: '1', width: 6, mobile: true},
		{cc: "31", code: "20", lead: '5', width: 6, city: "Amsterdam", country: "Nederland"},
		{cc: "48", code: "22", lead: '5', width: 6, city: "Warszawa", country: "Polska"},
	}
)

// digits is the number as sipgate sends it: international digits, no +.
func (a area) digits(n int) string {
	return a.cc + a.code + a.subscriber(n)
}

// written is the number as a person typed it into an address book, in
// one of the forms people use (style picks which).
func (a area) written(n int, style int) string {
	sub := a.subscriber(n)
	if a.cc != "49" {
		if style%2 == 0 {
			return "+" + a.cc + " " + a.code + " " + groups(sub)
		}
		return "00" + a.cc + " " + a.code + " " + sub
	}
	switch style % 6 {
	case 0:
		return "+49 " + a.code + " " + sub
	case 1:
		return a.national() + " " + sub
	case 2:
		return "(" + a.national() + ") " + groups(sub)
	case 3:
		return "0049 " + a.code + " " + sub
	case 4:
		return "+49 (0)" + a.code + " " + sub
	default:
		return a.national() + "/" + sub
	}
}

// groups writes digits in pairs from the right: "1234567" → "123 45 67".
func groups(s string) string {
	var b strings.Builder
	head := len(s) % 2
	if head == 1 && len(s) > 2 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 2 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i : i+2])
	}
	return b.String()
}

// rng is the generator for item n of stream kind, independent of every
// other item: contacts and callers can be made in any order.
func rng(seed uint64, kind, n uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^kind*0x9E3779B97F4A7C15, n))
}

// Stream kinds of rng.
const (
	kindContact = iota + 1
	kindCaller
	kindCallID
)

// UnknownNumber is the k-th caller number that no generated contact
// has, as sipgate sends it (digits, no +).
func UnknownNumber(seed uint64, k int) string {
	r := rng(seed, kindCaller, uint64(k))
	a := unknownAreas[r.IntN(len(unknownAreas))]
	return a.digits(k)
}

func (a area) String() string { return fmt.Sprintf("+%s %s", a.cc, a.code) }
