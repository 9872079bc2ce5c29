package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/app/phone"
)

// contactRow is one contact in the list: an icon (crossed out when
// blocked), the name in bold with a VIP or Blocked badge, and the company
// and first number under it.
type contactRow struct {
	widget.BaseWidget
	icon    *widget.Icon
	title   *nameLine
	sub     *widget.RichText
	content *fyne.Container
}

func newContactRow() fyne.CanvasObject {
	r := &contactRow{icon: widget.NewIcon(nil), title: titleText(), sub: secondaryText("")}
	r.sub.Truncation = fyne.TextTruncateEllipsis
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	r.content = container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, container.New(tight, r.title, r.sub))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's container.
func (r *contactRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (w *ContactsView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(w.rows) {
		return
	}
	r, c := o.(*contactRow), w.rows[id]
	r.icon.SetResource(contactIcon(c))
	setTitle(r.title, c.DisplayName(), "", contactBadge(c))
	setSegment(r.sub, 0, contactSubline(c, w.region))
}

// contactBadge marks blocked contacts and VIPs.
func contactBadge(c contacts.Contact) badge {
	switch {
	case c.Blocked:
		return blockedBadge
	case c.VIP:
		return vipBadge
	}
	return badge{}
}

func contactIcon(c contacts.Contact) fyne.Resource {
	switch {
	case c.Blocked:
		return theme.NewErrorThemedResource(theme.CancelIcon())
	case c.FirstName == "" && c.LastName == "":
		return theme.HomeIcon() // a company
	}
	return theme.AccountIcon()
}

// contactSubline is the company (unless it is the name) and the first
// number, with how many more there are.
func contactSubline(c contacts.Contact, region string) string {
	company := c.Company
	if company == c.DisplayName() {
		company = ""
	}
	num := ""
	if len(c.Numbers) > 0 {
		num = numberDisplay(c.Numbers[0], region)
		if more := len(c.Numbers) - 1; more > 0 {
			num += fmt.Sprintf(" (+%d)", more)
		}
	}
	return joinNonEmpty(" · ", company, num)
}

// numberDisplay is a contact's number formatted for region, a
// switchboard with its "-0" mark.
func numberDisplay(n contacts.Number, region string) string {
	if n.E164 == "" {
		return n.Raw
	}
	return phone.Number{E164: n.E164, Switchboard: n.Switchboard}.Display(region)
}
