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

// target says whom the call was for: the sipgate users it rang, or else
// our number it was made to. For an outgoing call it is who dialled.
func (w *body) target(c calls.Call, kind Kind, region string) {
	users := i18n.Clean(strings.Join(c.Users, ", "))
	to := map[string]any{"Users": users}
	switch {
	case kind == KindOutgoing && users != "":
		w.line(i18n.T("dialled by {{.Users}}", to), "")
	case kind == KindOutgoing:
	case users != "" && kind == KindIncoming:
		w.line(i18n.T("rings {{.Users}}", to), "")
	case users != "":
		w.line(i18n.T("for {{.Users}}", to), "")
	case c.To != "":
		w.line(i18n.T("to {{.Number}}", map[string]any{"Number": phone.Display(c.To, region)}), "")
	}
}

// String is the body text.
func (w *body) String() string { return w.b.String() }
