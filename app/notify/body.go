package notify

import (
	"strings"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// markup escapes text for the body markup of the notification spec, so a
// contact named "<b>x</b>" reads as typed and a note can never become a
// link. Named entities only: GNOME Shell re-escapes numeric ones.
var markup = strings.NewReplacer(
	"&", "&amp;",
	"<", "&lt;",
	">", "&gt;",
	`"`, "&quot;",
	"'", "&apos;",
)

// body builds a notification body line by line, escaping every text.
type body struct{ b strings.Builder }

// line adds "a · b", or whichever of them is set; nothing if neither is.
func (w *body) line(a, b string) {
	if a == "" && b == "" {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	markup.WriteString(&w.b, a)
	if a != "" && b != "" {
		w.b.WriteString(" · ")
	}
	markup.WriteString(&w.b, b)
}

// target says whom the call was for: which of our numbers it was made
// to and the sipgate users it rang ("on 0211 555001 · Anna Mayer"). For
// an outgoing call it is who dialled.
func (w *body) target(c calls.Call, kind Kind, region string) {
	users := i18n.Clean(strings.Join(c.Users, ", "))
	if kind == KindOutgoing {
		if users != "" {
			w.line(i18n.T("dialled by {{.Users}}", map[string]any{"Users": users}), "")
		}
		return
	}
	on := ""
	if c.To != "" {
		on = i18n.T("on {{.Number}}", map[string]any{"Number": phone.Display(c.To, region)})
	}
	w.line(on, users)
}

// String is the body text.
func (w *body) String() string { return w.b.String() }
