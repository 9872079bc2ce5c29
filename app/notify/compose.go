package notify

import (
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// answeredLinger is how long "answered by …" stays before it closes.
const answeredLinger = 6 * time.Second

// compose writes the message for a call that passed Decide's filters.
func compose(c calls.Call, kind Kind, region string) Message {
	if kind == KindEnded {
		return Message{CallID: c.ID, Kind: KindEnded}
	}
	p := i18n.PartyOf(c, region)
	var b body
	switch {
	case p.Name != "":
		b.line(p.Display, p.City)
		b.line(p.Note, "")
	case !p.Anonymous():
		b.line(p.Place, "")
	}
	b.target(c, kind, region)
	m := Message{
		Title:   title(kind, p, c),
		Body:    b.String(),
		Urgent:  c.VIP,
		CallID:  c.ID,
		Kind:    kind,
		Sticky:  c.VIP || kind == KindIncoming || kind == KindMissed || kind == KindVoicemail,
		Actions: actions(kind, p),
	}
	if !p.Anonymous() {
		m.Number = p.Number
	}
	if kind == KindAnswered && !c.VIP {
		m.Expire = answeredLinger
	}
	return m
}

// actions are the buttons that fit the moment: calling back a missed
// caller, adding an unknown one, opening the call.
func actions(kind Kind, p i18n.Party) []string {
	var out []string
	if !p.Anonymous() && (kind == KindMissed || kind == KindVoicemail) {
		out = append(out, ActionCallBack)
	}
	if !p.Anonymous() && p.ContactID == 0 && kind != KindAnswered {
		out = append(out, ActionAddContact)
	}
	return append(out, ActionOpen)
}

// title names the other party, with what happened for the kinds that
// come after the call, and a star for VIP contacts.
func title(kind Kind, p i18n.Party, c calls.Call) string {
	who := p.WithCompany()
	if p.Name == "" && p.Anonymous() && kind != KindIncoming {
		who = i18n.T("an anonymous caller")
	}
	d := map[string]any{"Who": who, "By": i18n.Clean(c.AnsweredBy)}
	var t string
	switch {
	case kind == KindOutgoing:
		t = i18n.T("Calling {{.Who}}", d)
	case kind == KindMissed:
		t = i18n.T("Missed call from {{.Who}}", d)
	case kind == KindVoicemail:
		t = i18n.T("Voicemail from {{.Who}}", d)
	case kind == KindAnswered && c.AnsweredBy != "":
		t = i18n.T("{{.Who}} — answered by {{.By}}", d)
	case kind == KindAnswered:
		t = i18n.T("{{.Who}} — answered", d)
	default:
		t = who
	}
	if p.VIP {
		t = "★ " + t
	}
	return t
}
