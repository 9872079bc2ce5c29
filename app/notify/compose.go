package notify

import (
	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
)

// compose writes the message for a call that passed Decide's filters.
func compose(c calls.Call, kind Kind, region string) Message {
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
	return Message{
		Title:  title(kind, p),
		Body:   b.String(),
		Urgent: c.VIP,
		CallID: c.ID,
		Kind:   kind,
	}
}

// title names the other party, with what happened for the kinds that
// come after the call, and a star for VIP contacts.
func title(kind Kind, p i18n.Party) string {
	who := p.WithCompany()
	if p.Name == "" && p.Anonymous() && kind != KindIncoming {
		who = i18n.T("an anonymous caller")
	}
	var t string
	switch kind {
	case KindOutgoing:
		t = i18n.T("Calling {{.Who}}", map[string]any{"Who": who})
	case KindMissed:
		t = i18n.T("Missed call from {{.Who}}", map[string]any{"Who": who})
	case KindVoicemail:
		t = i18n.T("Voicemail from {{.Who}}", map[string]any{"Who": who})
	default:
		t = who
	}
	if p.VIP {
		t = "★ " + t
	}
	return t
}
