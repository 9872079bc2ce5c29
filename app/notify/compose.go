package notify

import (
	"strings"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// compose writes the message for a call that passed Decide's filters.
func compose(c calls.Call, kind Kind, region string, book Contacts) Message {
	party := c.Party()
	name := pair(c.Contact, c.Company)
	var b body
	switch {
	case name != "":
		city, note := details(book, c.ContactID)
		b.line(phone.Display(party, region), city)
		b.line(note, "")
	case !anonymous(party):
		info := phone.Describe(party, region)
		b.line(info.Place, info.LineType)
	}
	b.target(c, kind, region)
	return Message{
		Title:  title(kind, name, party, region, c.VIP),
		Body:   b.String(),
		Urgent: c.VIP,
		CallID: c.ID,
		Kind:   kind,
	}
}

// title names the other party, with what happened for the kinds that
// come after the call, and a star for VIP contacts.
func title(kind Kind, name, party, region string, vip bool) string {
	who := name
	switch {
	case who != "":
	case anonymous(party) && kind == KindIncoming:
		who = "Anonymous caller"
	case anonymous(party):
		who = "an anonymous caller"
	default:
		who = phone.Display(party, region)
	}
	var t string
	switch kind {
	case KindOutgoing:
		t = "Calling " + who
	case KindMissed:
		t = "Missed call from " + who
	case KindVoicemail:
		t = "Voicemail from " + who
	default:
		t = who
	}
	if vip {
		t = "★ " + t
	}
	return t
}

// pair joins two names with a dash, or gives the one that is set.
func pair(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " — " + b
}

func anonymous(number string) bool {
	return number == "" || strings.EqualFold(number, "anonymous")
}

func details(book Contacts, id int64) (city, note string) {
	if book == nil || id == 0 {
		return "", ""
	}
	city, note, ok := book.Details(id)
	if !ok {
		return "", ""
	}
	return city, note
}
